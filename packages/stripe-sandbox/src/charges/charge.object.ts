import type { BillingDetails, CardDetails } from "../payment-methods/payment-method.object.js";

/** What the network and Radar said about a charge, in Stripe's `outcome` shape. */
export interface ChargeOutcome {
  advice_code: null;
  network_advice_code: null;
  network_decline_code: null;
  network_status: "approved_by_network" | "declined_by_network" | "not_sent_to_network";
  reason: string | null;
  risk_level: "normal" | "elevated" | "highest";
  risk_score: number;
  seller_message: string;
  type: "authorized" | "issuer_declined" | "blocked";
}

export interface ChargeCardDetails
  extends Omit<CardDetails, "display_brand" | "networks" | "three_d_secure_usage"> {
  amount_authorized: number | null;
  installments: null;
  mandate: null;
  network: string;
  network_token: { used: false };
  three_d_secure: null;
}

/**
 * A Charge as Stripe returns it. A failed confirmation makes one too (`status: "failed"`), as in
 * Stripe: the decline's details live on it and the PaymentIntent points at it.
 */
export interface Charge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  application: null;
  application_fee: string | null;
  application_fee_amount: number | null;
  balance_transaction: string | null;
  billing_details: BillingDetails;
  calculated_statement_descriptor: string | null;
  captured: boolean;
  created: number;
  currency: string;
  customer: null;
  description: string | null;
  disputed: boolean;
  failure_balance_transaction: null;
  failure_code: string | null;
  failure_message: string | null;
  fraud_details: Record<string, never>;
  livemode: false;
  metadata: Record<string, string>;
  on_behalf_of: null;
  outcome: ChargeOutcome;
  paid: boolean;
  payment_intent: string;
  payment_method: string;
  payment_method_details: { card: ChargeCardDetails; type: "card" };
  receipt_email: string | null;
  receipt_number: null;
  receipt_url: null;
  refunded: boolean;
  review: null;
  shipping: null;
  source: null;
  source_transfer: null;
  statement_descriptor: null;
  statement_descriptor_suffix: null;
  status: "succeeded" | "pending" | "failed";
  /** The transfer to the connected account of a destination charge. */
  transfer?: string;
  transfer_data: { amount: null; destination: string } | null;
  transfer_group: string | null;
}
