import { Gauge } from "prom-client";
import { metricsRegistry, onScrape } from "./registry.js";

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
