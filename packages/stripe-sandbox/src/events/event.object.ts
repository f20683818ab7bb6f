/** The event types the sandbox emits: those a marketplace's payment flow listens for. */
export type EventType =
  | "account.updated"
  | "charge.dispute.created"
  | "charge.failed"
  | "charge.refunded"
  | "charge.succeeded"
  | "payment_intent.canceled"
  | "payment_intent.created"
  | "payment_intent.payment_failed"
  | "payment_intent.succeeded"
  | "refund.created";

/** The API call that caused an event (null for what happens on its own, like a dispute). */
export interface EventRequest {
  id: string | null;
  idempotency_key: string | null;
}

/** An Event as Stripe returns and delivers it: `data.object` is the object as it was then. */
export interface StripeEvent {
  id: string;
  object: "event";
  /** Set on events about a connected account, as on Stripe's Connect webhooks. */
  account?: string;
  api_version: string;
  created: number;
  data: { object: object; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: EventRequest;
  type: EventType;
}
