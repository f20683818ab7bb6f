import type { PublicEventType } from "./public-events.js";

export type WebhookSubscriptionStatus = "ACTIVE" | "DISABLED";

/** Why a subscription stopped receiving deliveries. KEY_REVOKED is final: its key opens nothing any more. */
export type WebhookDisabledReason = "FAILING" | "BY_OWNER" | "KEY_REVOKED";

/** A partner's endpoint and the public event types it receives, signed with its own secret. */
export interface WebhookSubscriptionRecord {
  id: string;
  /** The partner API key that owns it (the key's id, never the key). */
  partnerKeyId: string;
  /** Where deliveries are POSTed. */
  url: string;
  /** Non-empty, without duplicates. */
  eventTypes: PublicEventType[];
  description: string | null;
  status: WebhookSubscriptionStatus;
  /** Why it is DISABLED; null while ACTIVE. */
  disabledReason: WebhookDisabledReason | null;
  disabledAt: Date | null;
  /** Signs every delivery. Stored as is: signing needs it, and it opens nothing but this endpoint's trust. */
  secret: string;
  /** The secret before the last rotation, still signing alongside until `previousSecretExpiresAt`. */
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  /** Failed attempts in a row, across deliveries; a success sets it back to 0. */
  consecutiveFailures: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Position in the newest-first (createdAt, id) order subscription lists page through. */
export interface WebhookSubscriptionListKey {
  createdAt: Date;
  id: string;
}

/** The secrets that sign a delivery at `now`: the current one, and the previous one while it is honoured. */
export function signingSecrets(subscription: WebhookSubscriptionRecord, now: Date): string[] {
  const previous =
    subscription.previousSecret !== null &&
    subscription.previousSecretExpiresAt !== null &&
    subscription.previousSecretExpiresAt.getTime() > now.getTime()
      ? [subscription.previousSecret]
      : [];
  return [subscription.secret, ...previous];
}
