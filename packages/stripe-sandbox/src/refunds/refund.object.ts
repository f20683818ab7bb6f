export const REFUND_REASONS = ["duplicate", "fraudulent", "requested_by_customer"] as const;

/** A Refund as Stripe returns it; card refunds succeed at once in test mode. */
export interface Refund {
  id: string;
  object: "refund";
  amount: number;
  balance_transaction: string;
  charge: string;
  created: number;
  currency: string;
  customer: null;
  customer_account: null;
  description?: string;
  destination_details: {
    card: { reference_status: "pending"; reference_type: "acquirer_reference_number" };
    type: "card";
  };
  metadata: Record<string, string>;
  payment_intent: string;
  payment_method: string;
  reason: (typeof REFUND_REASONS)[number] | null;
  receipt_number: null;
  source_transfer_reversal: null;
  status: "succeeded";
  transfer_reversal: string | null;
}
