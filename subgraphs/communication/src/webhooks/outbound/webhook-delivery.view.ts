import type { WebhookDeliveryRecord } from "./webhook-delivery.record.js";
import type { WebhookDelivery } from "./webhook-delivery.type.js";

/** A delivery as the API shows it. */
export function deliveryView(record: WebhookDeliveryRecord): WebhookDelivery {
  const last = record.attempts.at(-1);
  return {
    id: record.id,
    subscriptionId: record.subscriptionId,
    eventId: record.eventId,
    eventType: record.eventType,
    status: record.status,
    attempts: record.attempts,
    attemptCount: record.attempts.length,
    lastResponseStatus: last?.responseStatus ?? null,
    lastDurationMs: last?.durationMs ?? null,
    // While a sender holds it, the stored time is its lease: still when it is (re)tried next at the latest.
    nextRetryAt: record.status === "PENDING" ? record.nextAttemptAt : null,
    failureReason: record.failureReason,
    payload: record.body,
    createdAt: record.createdAt,
    deliveredAt: record.deliveredAt,
  };
}
