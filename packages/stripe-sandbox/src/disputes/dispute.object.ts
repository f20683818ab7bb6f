import type { BalanceTransaction } from "../balance-transactions/balance-transaction.object.js";

/** A Dispute as Stripe returns it: its balance transactions are embedded, not ids. */
export interface Dispute {
  id: string;
  object: "dispute";
  amount: number;
  balance_transactions: BalanceTransaction[];
  charge: string;
  created: number;
  currency: string;
  enhanced_eligibility_types: string[];
  evidence: {
    customer_name: null;
    customer_email_address: null;
    product_description: null;
    receipt: null;
    refund_policy: null;
    service_date: null;
    shipping_documentation: null;
    uncategorized_text: null;
  };
  evidence_details: {
    due_by: number;
    has_evidence: boolean;
    past_due: boolean;
    submission_count: number;
  };
  intended_submission_method: null;
  is_charge_refundable: boolean;
  livemode: false;
  metadata: Record<string, string>;
  payment_intent: string;
  payment_method_details: {
    card: { brand: string; case_type: "chargeback"; network_reason_code: string };
    type: "card";
  };
  reason: "fraudulent";
  status: "needs_response";
}
