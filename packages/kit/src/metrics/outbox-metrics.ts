import { Gauge, Histogram } from "prom-client";
import { EVENT_DELAY_BUCKETS, metricsRegistry, onScrape } from "./registry.js";

const depth = new Gauge({
  name: "venta_outbox_depth",
  help: "Events committed to the outbox and not yet published on the bus.",
  labelNames: ["service"] as const,
  registers: [metricsRegistry],
});

const oldestAge = new Gauge({
  name: "venta_outbox_oldest_age_seconds",
  help: "Age of the oldest event waiting in the outbox; 0 when it is empty.",
  labelNames: ["service"] as const,
  registers: [metricsRegistry],
});

const publishDelay = new Histogram({
  name: "venta_outbox_publish_delay_seconds",
  help: "Time from an event's occurredAt to the relay having it on the bus: the commit's wait for the relay and the publish, plus whatever came between occurredAt and the commit (for position reports, the request's own handling).",
  labelNames: ["service"] as const,
  buckets: EVENT_DELAY_BUCKETS,
  registers: [metricsRegistry],
});

/**
 * Records, for `service`'s outbox relay, that events which occurred at these instants (ISO 8601)
 * are on the bus now. `occurredAt` is the event's own time, not its commit's: most events are made
 * just before the commit that records them, but a position report's take the request's time.
 */
export function outboxPublishDelays(service: string): (occurredAt: readonly string[]) => void {
  const series = publishDelay.labels(service);
  return (occurredAt) => {
    const now = Date.now();
    for (const at of occurredAt) {
      const ms = Date.parse(at);
      // An unreadable time says nothing about the delay: no sample rather than a wrong one.
      if (Number.isFinite(ms)) series.observe(Math.max(0, now - ms) / 1_000);
    }
  };
}

/** What the metrics read of an outbox. */
export interface OutboxGauges {
  count(): Promise<number>;
  /** When the oldest waiting event happened (ISO 8601), null when none waits. */
  oldestOccurredAt(): Promise<string | null>;
}

/** Reads the outbox's depth and oldest event on each scrape; returns the function that stops it. */
export function watchOutbox(service: string, outbox: OutboxGauges): () => void {
  return onScrape(async () => {
    const [count, oldest] = await Promise.all([outbox.count(), outbox.oldestOccurredAt()]);
    depth.set({ service }, count);
    oldestAge.set({ service }, oldest ? Math.max(0, (Date.now() - Date.parse(oldest)) / 1_000) : 0);
  });
}
