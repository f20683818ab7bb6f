import type { Logger } from "pino";
import { EVENT_TYPES } from "./catalogue.js";
import type { Consumption, EventBus } from "./event-bus.js";
import { erasedBy } from "./event-erasure.js";
import type { EventStore } from "./event-store.js";

/** The bus consumer that keeps the event store; one name however many processes run it. */
export const EVENT_STORE_CONSUMER = "event-store";

/**
 * Appends every event published on the bus to the event store, a batch of the bus's events per
 * append (one transaction, where the store has them: one per event was most of a busy subgraph's
 * work). Appends are idempotent by event id, so redeliveries, and two processes recording at once,
 * store each event once. Appending a person's erasure redacts their stored events (see
 * event-erasure.ts).
 */
export function recordEvents(bus: EventBus, store: EventStore, log: Logger): Consumption {
  return bus.consumeBatches(EVENT_STORE_CONSUMER, EVENT_TYPES, async (events) => {
    const added = await store.append(events);
    // Logged by event id only: the person's id is what was just erased.
    for (const event of events)
      if (erasedBy(event) !== undefined)
        log.info({ eventId: event.id }, "erasure applied to the event store");
    log.trace({ events: events.length, added }, "events stored");
  });
}
