import type {
  WebhookAttemptRecord,
  WebhookDeliveryListKey,
  WebhookDeliveryRecord,
  WebhookDeliveryStatus,
} from "./webhook-delivery.record.js";

export interface WebhookDeliveryListOptions {
  first: number;
  after?: WebhookDeliveryListKey | undefined;
  subscriptionId?: string | undefined;
  /** Only deliveries to this partner key's subscriptions. */
  partnerKeyId?: string | undefined;
  status?: WebhookDeliveryStatus | undefined;
}

export interface WebhookDeliveryPage {
  records: WebhookDeliveryRecord[];
  hasNextPage: boolean;
  totalCount: number;
}

/** How an attempt ended for the delivery: another try at `nextAttemptAt`, or done either way. */
export type AttemptOutcome =
  | { status: "PENDING"; nextAttemptAt: Date }
  | { status: "SUCCEEDED" }
  | { status: "FAILED"; failureReason: string };

/** Where deliveries and their attempts live. Each adapter must pass `webhook-deliveries.store.contract.ts`. */
export interface WebhookDeliveriesStore {
  /**
   * Stores new deliveries; one that repeats a stored (subscriptionId, eventId) is skipped, so a
   * redelivered event is enqueued once. Returns how many were new.
   */
  enqueue(records: readonly WebhookDeliveryRecord[]): Promise<number>;
  findById(id: string): Promise<WebhookDeliveryRecord | null>;
  /**
   * Takes up to `limit` PENDING deliveries due at `now`, soonest first, pushing their
   * `nextAttemptAt` to `leaseUntil` in the same atomic write: another sender skips them meanwhile,
   * and if this one dies they come due again.
   */
  claimDue(now: Date, limit: number, leaseUntil: Date): Promise<WebhookDeliveryRecord[]>;
  /** Appends the attempt and applies its outcome; null for an unknown id (removed meanwhile). */
  recordAttempt(
    id: string,
    attempt: WebhookAttemptRecord,
    outcome: AttemptOutcome,
  ): Promise<WebhookDeliveryRecord | null>;
  /** Gives up on a subscription's PENDING deliveries (it was disabled); returns how many. */
  failPending(subscriptionId: string, failureReason: string): Promise<number>;
  /** Gives up on every PENDING delivery to the partner key's subscriptions (the key was revoked); returns how many. */
  failPendingOfPartnerKey(partnerKeyId: string, failureReason: string): Promise<number>;
  /** A FAILED delivery is PENDING again, due at `at`; null for an unknown id or one not FAILED. */
  retry(id: string, at: Date): Promise<WebhookDeliveryRecord | null>;
  /** Newest first: (createdAt, id) descending. */
  list(options: WebhookDeliveryListOptions): Promise<WebhookDeliveryPage>;
  /** Removes a subscription's deliveries with it; returns how many. */
  removeBySubscription(subscriptionId: string): Promise<number>;
}
