import { watchBusStats, watchOutbox } from "@venta/kit";
import type { EventBus } from "./event-bus.js";
import type { Outbox } from "./outbox.js";

/**
 * A subgraph's event bus stats (lag, pending and dead letters per consumer) and its outbox's depth
 * and age, read on each `/metrics` scrape; returns the closer that stops reading them.
 */
export function watchEvents(service: string, bus: EventBus, outbox: Outbox): () => Promise<void> {
  const stopBus = watchBusStats(service, () => bus.stats());
  const stopOutbox = watchOutbox(service, outbox);
  return async () => {
    stopBus();
    stopOutbox();
  };
}
