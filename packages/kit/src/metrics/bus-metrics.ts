import { Gauge, Histogram } from "prom-client";
import { EVENT_DELAY_BUCKETS, metricsRegistry, onScrape } from "./registry.js";

const labelNames = ["service", "consumer"] as const;

const lag = new Gauge({
  name: "venta_event_bus_lag",
  help: "Events published that the consumer has not been handed yet.",
  labelNames,
  registers: [metricsRegistry],
});

const pending = new Gauge({
  name: "venta_event_bus_pending",
  help: "Events handed to a consumer's process but not yet acknowledged.",
  labelNames,
  registers: [metricsRegistry],
});

const deadLetters = new Gauge({
  name: "venta_event_bus_dead_letters",
  help: "Events a consumer set aside after failing too often, waiting for a redrive.",
  labelNames,
  registers: [metricsRegistry],
});

/** What the event bus reports per consumer (`EventBus.stats()`). */
export interface BusConsumerStats {
  consumer: string;
  lag: number;
  pending: number;
  deadLetters: number;
}

/** Reads the bus's per-consumer stats on each scrape; returns the function that stops it. */
export function watchBusStats(
  service: string,
  stats: () => Promise<readonly BusConsumerStats[]>,
): () => void {
  return onScrape(async () => {
    for (const consumer of await stats()) {
      const labels = { service, consumer: consumer.consumer };
      lag.set(labels, consumer.lag);
      pending.set(labels, consumer.pending);
      deadLetters.set(labels, consumer.deadLetters);
    }
  });
}

const deliveryDelay = new Histogram({
  name: "venta_event_bus_delivery_delay_seconds",
  help: "Time from an event's publication on the bus to a consumer having handled it, by consumer.",
  labelNames: ["consumer"] as const,
  buckets: EVENT_DELAY_BUCKETS,
  registers: [metricsRegistry],
});

/**
 * Records, for `consumer` (a name fixed in code, so a bounded label), that it handled an event the
 * bus took at `publishedAtMs` (epoch ms; on Redis, the stream entry's time on Redis' clock).
 */
export function busDeliveryDelays(consumer: string): (publishedAtMs: number) => void {
  const series = deliveryDelay.labels(consumer);
  return (publishedAtMs) => series.observe(Math.max(0, Date.now() - publishedAtMs) / 1_000);
}
