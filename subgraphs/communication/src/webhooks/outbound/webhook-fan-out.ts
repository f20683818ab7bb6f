import { randomUUID } from "node:crypto";
import type { Consumption, EventBus } from "@venta/events";
import type { Logger } from "@venta/kit";
import { SOURCE_EVENT_TYPES, toPublicEvent } from "./public-events.js";
import type { WebhookDeliveriesStore } from "./webhook-deliveries.store.js";
import type { WebhookSubscriptionsStore } from "./webhook-subscriptions.store.js";

export const FAN_OUT_CONSUMER = "communication.webhooks.fan-out";

export interface WebhookFanOutOptions {
  bus: EventBus;
  subscriptions: WebhookSubscriptionsStore;
  deliveries: WebhookDeliveriesStore;
  /** Called when deliveries were enqueued, to send them now rather than at the next poll. */
  onEnqueued: () => void;
  log: Logger;
  now?: () => Date;
}

/**
 * Turns domain events into deliveries: each event partners may see becomes its public event, and
 * one delivery per active subscription to its type. A redelivered domain event makes the same
 * public event id, and a subscription gets one delivery per event id: enqueuing is idempotent.
 */
export function startWebhookFanOut(options: WebhookFanOutOptions): Consumption {
  const { subscriptions, deliveries, log } = options;
  const now = options.now ?? (() => new Date());
  return options.bus.consume(FAN_OUT_CONSUMER, SOURCE_EVENT_TYPES, async (event) => {
    const published = toPublicEvent(event);
    if (!published) return;
    const targets = await subscriptions.activeFor(published.type);
    if (targets.length === 0) return;
    const body = JSON.stringify(published);
    const at = now();
    const added = await deliveries.enqueue(
      targets.map((subscription) => ({
        id: randomUUID(),
        subscriptionId: subscription.id,
        partnerKeyId: subscription.partnerKeyId,
        eventId: published.id,
        eventType: published.type,
        body,
        status: "PENDING" as const,
        attempts: [],
        nextAttemptAt: at,
        failureReason: null,
        createdAt: at,
        deliveredAt: null,
      })),
    );
    if (added > 0) options.onEnqueued();
    log.debug(
      { eventId: published.id, type: published.type, deliveries: added },
      "webhook deliveries enqueued",
    );
  });
}
