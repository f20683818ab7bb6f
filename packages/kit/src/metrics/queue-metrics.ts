import { Counter, Gauge } from "prom-client";
import { metricsRegistry, onScrape } from "./registry.js";

const notificationQueueDepth = new Gauge({
  name: "venta_notification_queue_depth",
  help: "Notification deliveries queued and not finished yet, due or not.",
  registers: [metricsRegistry],
});

const notificationDeliveries = new Counter({
  name: "venta_notification_deliveries_total",
  help: "Notification delivery attempts by channel; outcome sent, retried (another attempt follows) or failed (none does).",
  labelNames: ["channel", "outcome"] as const,
  registers: [metricsRegistry],
});

const webhookQueueDepth = new Gauge({
  name: "venta_webhook_queue_depth",
  help: "Outbound webhook deliveries pending (waiting for their first or next attempt).",
  registers: [metricsRegistry],
});

const webhookDeliveries = new Counter({
  name: "venta_webhook_deliveries_total",
  help: "Outbound webhook delivery attempts; outcome succeeded, retried (another attempt follows) or failed (none does).",
  labelNames: ["outcome"] as const,
  registers: [metricsRegistry],
});

export type DeliveryAttemptOutcome = "sent" | "retried" | "failed";
export type WebhookAttemptOutcome = "succeeded" | "retried" | "failed";

/** Reads the notification queue's depth on each scrape; returns the function that stops it. */
export function watchNotificationQueue(waiting: () => Promise<number>): () => void {
  return onScrape(async () => notificationQueueDepth.set(await waiting()));
}

/** `channel` is the delivery's channel (email, sms, push): a fixed set. */
export function countNotificationDelivery(channel: string, outcome: DeliveryAttemptOutcome): void {
  notificationDeliveries.inc({ channel: channel.toLowerCase(), outcome });
}

/** Reads the webhook queue's depth on each scrape; returns the function that stops it. */
export function watchWebhookQueue(pending: () => Promise<number>): () => void {
  return onScrape(async () => webhookQueueDepth.set(await pending()));
}

export function countWebhookDelivery(outcome: WebhookAttemptOutcome): void {
  webhookDeliveries.inc({ outcome });
}
