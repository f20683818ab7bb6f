import type { WebhookSubscriptionRecord } from "./webhook-subscription.record.js";
import type { WebhookSubscription } from "./webhook-subscription.type.js";

/** A subscription as the API shows it: its secret never, only the secret's first characters. */
export const subscriptionView = (record: WebhookSubscriptionRecord, now: Date): WebhookSubscription => ({
  id: record.id,
  partnerKeyId: record.partnerKeyId,
  url: record.url,
  eventTypes: record.eventTypes,
  description: record.description,
  status: record.status,
  disabledReason: record.disabledReason,
  disabledAt: record.disabledAt,
  consecutiveFailures: record.consecutiveFailures,
  signingSecretPrefix: record.secret.slice(0, 10),
  previousSecretExpiresAt:
    record.previousSecretExpiresAt && record.previousSecretExpiresAt.getTime() > now.getTime()
      ? record.previousSecretExpiresAt
      : null,
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
});
