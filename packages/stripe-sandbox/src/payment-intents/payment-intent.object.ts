import type { PaymentMethod } from "../payment-methods/payment-method.object.js";

export type PaymentIntentStatus =
  | "requires_payment_method"
  | "requires_confirmation"
  | "requires_action"
  | "processing"
  | "requires_capture"
  | "canceled"
  | "succeeded";

export const CANCELLATION_REASONS = [
  "duplicate",
  "fraudulent",
  "requested_by_customer",
  "abandoned",
] as const;

/** Why the last confirmation failed, kept on the PaymentIntent until the next attempt. */
export interface LastPaymentError {
  type: "card_error";
  code: string;
  decline_code: string;
  doc_url: string;
  message: string;
  charge: string;
  payment_method: PaymentMethod;
}

/** A PaymentIntent as Stripe returns it, fields the sandbox never sets included (as null). */
export interface PaymentIntent {
  id: string;
  object: "payment_intent";
  /** What the caller restricted payment to (`card` only, here), or null for the account's defaults. */
  allowed_payment_method_types: string[] | null;
  amount: number;
  amount_capturable: number;
  amount_received: number;
  application: null;
  application_fee_amount: number | null;
  automatic_payment_methods: { enabled: boolean; allow_redirects?: "always" | "never" } | null;
  canceled_at: number | null;
  cancellation_reason: (typeof CANCELLATION_REASONS)[number] | null;
  capture_method: "automatic" | "automatic_async";
  client_secret: string;
  confirmation_method: "automatic";
  created: number;
  currency: string;
  customer: null;
  customer_account: null;
  description: string | null;
  excluded_payment_method_types: null;
  last_payment_error: LastPaymentError | null;
  latest_charge: string | null;
  livemode: false;
  managed_payments: null;
  metadata: Record<string, string>;
  next_action: null;
  on_behalf_of: null;
  payment_method: string | null;
  payment_method_configuration_details: null;
  payment_method_options: {
    card: { installments: null; mandate_options: null; network: null; request_three_d_secure: "automatic" };
  };
  payment_method_types: string[];
  payment_record: null;
  processing: null;
  receipt_email: string | null;
  review: null;
  setup_future_usage: null;
  shipping: null;
  source: null;
  statement_descriptor: null;
  statement_descriptor_suffix: null;
  status: PaymentIntentStatus;
  transfer_data: { destination: string } | null;
  transfer_group: string | null;
}
