import type { PublicEventType } from "./public-events.js";
import type {
  WebhookDisabledReason,
  WebhookSubscriptionListKey,
  WebhookSubscriptionRecord,
} from "./webhook-subscription.record.js";

export interface WebhookSubscriptionListOptions {
  first: number;
  after?: WebhookSubscriptionListKey | undefined;
  /** Only this partner key's subscriptions; all of them when absent. */
  partnerKeyId?: string | undefined;
}

export interface WebhookSubscriptionPage {
  records: WebhookSubscriptionRecord[];
  hasNextPage: boolean;
  totalCount: number;
}

export type WebhookSubscriptionChanges = Partial<
  Pick<WebhookSubscriptionRecord, "url" | "eventTypes" | "description">
>;

/** After a delivery attempt: the subscription's failure count moved, and whether that disabled it. */
export interface DeliveryOutcomeResult {
  consecutiveFailures: number;
  /** True only for the attempt that turned the subscription off. */
  disabledNow: boolean;
}

/** Where partners' webhook subscriptions live. Each adapter must pass `webhook-subscriptions.store.contract.ts`. */
export interface WebhookSubscriptionsStore {
  insert(record: WebhookSubscriptionRecord): Promise<void>;
  findById(id: string): Promise<WebhookSubscriptionRecord | null>;
  /** Newest first: (createdAt, id) descending. */
  list(options: WebhookSubscriptionListOptions): Promise<WebhookSubscriptionPage>;
  /** ACTIVE subscriptions that receive this event type. */
  activeFor(eventType: PublicEventType): Promise<WebhookSubscriptionRecord[]>;
  /** Applies the changes given; null for an unknown id. */
  update(
    id: string,
    changes: WebhookSubscriptionChanges,
    at: Date,
  ): Promise<WebhookSubscriptionRecord | null>;
  /**
   * ACTIVE again, with its failure count back to 0; one disabled as KEY_REVOKED is returned as it is
   * (checked in the same write, so a revocation landing meanwhile wins). Null for an unknown id.
   */
  enable(id: string, at: Date): Promise<WebhookSubscriptionRecord | null>;
  /** DISABLED for `reason`; one already disabled keeps its first reason and time. Null for an unknown id. */
  disable(id: string, reason: WebhookDisabledReason, at: Date): Promise<WebhookSubscriptionRecord | null>;
  /**
   * Every subscription of the partner key DISABLED as KEY_REVOKED, in one write: an active one from
   * `at`, one already disabled keeping its time but taking the final reason. Returns how many changed;
   * 0 when done before (the revocation's event may be delivered again).
   */
  disableForRevokedKey(partnerKeyId: string, at: Date): Promise<number>;
  /** A new secret; the old one keeps signing until `previousExpiresAt`. Null for an unknown id. */
  rotateSecret(
    id: string,
    secret: string,
    previousExpiresAt: Date,
    at: Date,
  ): Promise<WebhookSubscriptionRecord | null>;
  /** Removes it; false when there was none. */
  remove(id: string): Promise<boolean>;
  /**
   * Counts an attempt in one atomic write: a success sets the failure count to 0, a failure adds
   * one and, reaching `disableAfter` on an ACTIVE subscription, disables it as FAILING. Null for an
   * unknown id (removed meanwhile).
   */
  recordOutcome(
    id: string,
    succeeded: boolean,
    disableAfter: number,
    at: Date,
  ): Promise<DeliveryOutcomeResult | null>;
}
