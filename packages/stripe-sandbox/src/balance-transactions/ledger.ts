import { newId, unixSeconds } from "../api/ids.js";
import type { SandboxState } from "../state.js";
import type { BalanceTransaction, BalanceTransactionType, FeeDetail } from "./balance-transaction.object.js";

/** Stripe's standard US card pricing: 2.9% + 30 minor units, rounded to the nearest unit. */
export function stripeProcessingFee(amount: number): number {
  return Math.round((amount * 29) / 1000) + 30;
}

/** Stripe's US dispute fee ($15), taken when a dispute opens whatever the charge's currency. */
export const DISPUTE_FEE = 1500;

/** Card funds become available two days after the charge in test mode, as on a standard schedule. */
const AVAILABLE_AFTER_SECONDS = 2 * 24 * 60 * 60;

function feeDetail(amount: number, currency: string, description: string): FeeDetail {
  return { amount, application: null, currency, description, type: "stripe_fee" };
}

function record(
  state: SandboxState,
  type: BalanceTransactionType,
  fields: Pick<
    BalanceTransaction,
    "amount" | "currency" | "description" | "source" | "reporting_category"
  > & {
    fee: number;
    feeDescription?: string;
  },
): BalanceTransaction {
  const created = unixSeconds();
  return state.balanceTransactions.add({
    id: newId("balanceTransaction"),
    object: "balance_transaction",
    amount: fields.amount,
    available_on: created + AVAILABLE_AFTER_SECONDS,
    balance_type: "payments",
    created,
    currency: fields.currency,
    description: fields.description,
    exchange_rate: null,
    fee: fields.fee,
    fee_details:
      fields.fee === 0
        ? []
        : [feeDetail(fields.fee, fields.currency, fields.feeDescription ?? "Stripe processing fees")],
    net: fields.amount - fields.fee,
    reporting_category: fields.reporting_category,
    source: fields.source,
    status: "pending",
    type,
  });
}

/** The platform's share of a successful charge: its amount less Stripe's fee. */
export function recordCharge(
  state: SandboxState,
  charge: { id: string; amount: number; currency: string; description: string | null },
): BalanceTransaction {
  return record(state, "charge", {
    amount: charge.amount,
    currency: charge.currency,
    description: charge.description,
    source: charge.id,
    reporting_category: "charge",
    fee: stripeProcessingFee(charge.amount),
  });
}

/** A refund takes its amount back; Stripe does not return its processing fee. */
export function recordRefund(
  state: SandboxState,
  refund: { id: string; amount: number; currency: string; description?: string },
): BalanceTransaction {
  return record(state, "refund", {
    amount: -refund.amount,
    currency: refund.currency,
    description: refund.description ?? "REFUND FOR CHARGE",
    source: refund.id,
    reporting_category: "refund",
    fee: 0,
  });
}

/** A dispute withdraws the disputed amount and the dispute fee. */
export function recordDispute(
  state: SandboxState,
  dispute: { id: string; amount: number; currency: string },
): BalanceTransaction {
  return record(state, "adjustment", {
    amount: -dispute.amount,
    currency: dispute.currency,
    description: `Chargeback withdrawal for ${dispute.id}`,
    source: dispute.id,
    reporting_category: "dispute",
    fee: DISPUTE_FEE,
    feeDescription: "Dispute fee",
  });
}
