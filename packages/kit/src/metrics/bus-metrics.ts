import { Gauge } from "prom-client";
import { metricsRegistry, onScrape } from "./registry.js";

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
