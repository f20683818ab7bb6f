import { countWebhookDelivery, type Logger, type WebhookAttemptOutcome } from "@venta/kit";
import { type BackoffPolicy, backoffDelayMs } from "../backoff.js";
import { type DueWork, startDueWork } from "../due-work.js";
import { stopRevokedKey } from "./partner-key-revocations.js";
import type { PartnerKeyStatus } from "./partner-key-status.js";
import type { AttemptOutcome, WebhookDeliveriesStore } from "./webhook-deliveries.store.js";
import type { WebhookAttemptRecord, WebhookDeliveryRecord } from "./webhook-delivery.record.js";
import { type SendOptions, type SendResult, sendWebhook } from "./webhook-sender.js";
import {
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  SIGNATURE_HEADER,
  signatureHeader,
} from "./webhook-signature.js";
import { signingSecrets } from "./webhook-subscription.record.js";
import type { WebhookSubscriptionsStore } from "./webhook-subscriptions.store.js";

/** An attempt's outcome as `venta_webhook_deliveries_total` counts it: PENDING means another try follows. */
const ATTEMPT_OUTCOMES: Record<AttemptOutcome["status"], WebhookAttemptOutcome> = {
  SUCCEEDED: "succeeded",
  PENDING: "retried",
  FAILED: "failed",
};

export interface DeliveryPolicy {
  /** Attempts of one delivery before it is FAILED. */
  maxAttempts: number;
  backoff: BackoffPolicy;
  /** Failed attempts in a row, across a subscription's deliveries, that disable it. */
  disableAfter: number;
  send: SendOptions;
}

export interface WebhookDispatchOptions {
  subscriptions: WebhookSubscriptionsStore;
  deliveries: WebhookDeliveriesStore;
  policy: DeliveryPolicy;
  /** Asked right before every attempt: a revoked key's delivery never starts. */
  partnerKeys: PartnerKeyStatus;
  pollMs: number;
  /** Deliveries sent at once: a slow endpoint holds up only its own share. */
  concurrency?: number;
  log: Logger;
  now?: () => Date;
  /** How a delivery is sent; over HTTP unless a test says otherwise. */
  send?: typeof sendWebhook;
}

export const SUBSCRIPTION_DISABLED = "the subscription was disabled";

/**
 * Sends due deliveries: each is signed afresh with the subscription's secrets and POSTed; the
 * attempt is recorded with its status and duration. A failure is tried again after an exponential,
 * jittered pause, until the delivery's attempts run out (FAILED). Failures in a row across a
 * subscription's deliveries disable it, and its waiting deliveries are given up. An attempt starts
 * only once marketplace says the subscription's partner key is still live.
 */
export function startWebhookDispatch(options: WebhookDispatchOptions): DueWork {
  const { subscriptions, deliveries, policy, log } = options;
  const now = options.now ?? (() => new Date());
  const send = options.send ?? sendWebhook;
  // Held longer than the slowest attempt can take, so a live sender never loses its delivery.
  const leaseMs = policy.send.timeoutMs + 30_000;

  const deliver = async (delivery: WebhookDeliveryRecord): Promise<void> => {
    const subscription = await subscriptions.findById(delivery.subscriptionId);
    if (subscription?.status !== "ACTIVE") {
      await deliveries.failPending(delivery.subscriptionId, SUBSCRIPTION_DISABLED);
      return;
    }
    let live: boolean;
    try {
      live = await options.partnerKeys(subscription.partnerKeyId);
    } catch (error) {
      // Nothing goes out unchecked; the claim's lease runs out and the delivery comes due again.
      log.warn(
        { deliveryId: delivery.id, err: error },
        "webhook delivery waits: the partner key's status cannot be checked",
      );
      return;
    }
    if (!live) {
      const stopped = await stopRevokedKey(subscriptions, deliveries, subscription.partnerKeyId, now());
      log.info(
        { keyId: subscription.partnerKeyId, ...stopped },
        "partner key revoked: its webhooks are stopped",
      );
      return;
    }
    const attemptedAt = now();
    const timestamp = Math.floor(attemptedAt.getTime() / 1000);
    const result: SendResult = await send(
      subscription.url,
      {
        [SIGNATURE_HEADER]: signatureHeader(
          signingSecrets(subscription, attemptedAt),
          timestamp,
          delivery.body,
        ),
        [EVENT_ID_HEADER]: delivery.eventId,
        [EVENT_TYPE_HEADER]: delivery.eventType,
        "user-agent": "Venta-Webhooks/1.0",
      },
      delivery.body,
      policy.send,
    );
    const number = delivery.attempts.length + 1;
    const succeeded = result.error === null;
    const attempt: WebhookAttemptRecord = {
      number,
      attemptedAt,
      responseStatus: result.status,
      durationMs: result.durationMs,
      succeeded,
      error: result.error,
    };
    let outcome: AttemptOutcome;
    if (succeeded) outcome = { status: "SUCCEEDED" };
    else if (number >= policy.maxAttempts)
      outcome = { status: "FAILED", failureReason: result.error ?? "failed" };
    else {
      const delay = backoffDelayMs(number, policy.backoff);
      outcome = { status: "PENDING", nextAttemptAt: new Date(attemptedAt.getTime() + delay) };
    }
    await deliveries.recordAttempt(delivery.id, attempt, outcome);
    countWebhookDelivery(ATTEMPT_OUTCOMES[outcome.status]);
    const counted = await subscriptions.recordOutcome(subscription.id, succeeded, policy.disableAfter, now());
    if (counted?.disabledNow) {
      const given = await deliveries.failPending(subscription.id, SUBSCRIPTION_DISABLED);
      log.warn(
        { subscriptionId: subscription.id, failures: counted.consecutiveFailures, givenUp: given },
        "webhook subscription disabled after failing deliveries",
      );
    }
    log.debug(
      { deliveryId: delivery.id, attempt: number, status: result.status, outcome: outcome.status },
      "webhook attempt",
    );
  };

  return startDueWork<WebhookDeliveryRecord>({
    name: "webhook deliveries",
    claim: (limit) => {
      const at = now();
      return deliveries.claimDue(at, limit, new Date(at.getTime() + leaseMs));
    },
    handle: deliver,
    concurrency: options.concurrency ?? 8,
    pollMs: options.pollMs,
    log,
  });
}
