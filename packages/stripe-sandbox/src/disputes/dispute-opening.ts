import { newId, unixSeconds } from "../api/ids.js";
import { recordDispute } from "../balance-transactions/ledger.js";
import type { Charge } from "../charges/charge.object.js";
import type { SandboxContext } from "../sandbox-context.js";

/** Cardholders' banks give the merchant about three weeks to answer with evidence. */
const EVIDENCE_WINDOW_SECONDS = 21 * 24 * 60 * 60;

/**
 * The cardholder disputes `charge` as fraudulent, as `pm_card_createDispute` does on Stripe a
 * moment after the payment: the disputed amount and the fee leave the balance, the charge is
 * marked disputed, and `charge.dispute.created` is sent.
 */
export function openDispute({ state, events }: SandboxContext, charge: Charge): void {
  const id = newId("dispute");
  const created = unixSeconds();
  const withdrawal = recordDispute(state, { id, amount: charge.amount, currency: charge.currency });
  const dispute = state.disputes.add({
    id,
    object: "dispute",
    amount: charge.amount,
    balance_transactions: [structuredClone(withdrawal)],
    charge: charge.id,
    created,
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: {
      customer_name: null,
      customer_email_address: null,
      product_description: null,
      receipt: null,
      refund_policy: null,
      service_date: null,
      shipping_documentation: null,
      uncategorized_text: null,
    },
    evidence_details: {
      due_by: created + EVIDENCE_WINDOW_SECONDS,
      has_evidence: false,
      past_due: false,
      submission_count: 0,
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: charge.payment_intent,
    payment_method_details: {
      card: {
        brand: charge.payment_method_details.card.brand,
        case_type: "chargeback",
        network_reason_code: "10.4",
      },
      type: "card",
    },
    reason: "fraudulent",
    status: "needs_response",
  });
  charge.disputed = true;
  events.emit("charge.dispute.created", dispute);
}
