import type { Logger } from "pino";
import type { DomainEvent, EventType } from "./catalogue.js";
import type { Consumption, EventBus } from "./event-bus.js";

/**
 * State kept from events: fed live from the bus, and rebuildable from the event store by a replay.
 * `apply` must be idempotent and tolerate events out of order (order by the versions or times in
 * the payloads): the bus redelivers, and during a replay the live consumer keeps applying newer
 * events while the replay applies the older ones.
 */
export interface Projection {
  /** Its consumer name on the bus. */
  readonly name: string;
  readonly types: readonly EventType[];
  /** Forgets everything the projection holds, before a replay applies every event again. */
  reset(): Promise<void>;
  apply(event: DomainEvent): Promise<void>;
  /**
   * Applies several events, in order, as `apply` would one by one, but in one write where the store
   * allows (one transaction instead of one per event). When present, the bus feeds the projection
   * a batch at a time through it, and a replay a page at a time.
   */
  applyAll?(events: readonly DomainEvent[]): Promise<void>;
}

/** Feeds the projection from the bus, resuming after the last event its consumer acknowledged. */
export function followProjection(bus: EventBus, projection: Projection, log?: Logger): Consumption {
  const { applyAll } = projection;
  if (applyAll) {
    return bus.consumeBatches(projection.name, projection.types, async (events) => {
      await applyAll.call(projection, events);
      log?.trace({ projection: projection.name, events: events.length }, "projection applied");
    });
  }
  return bus.consume(projection.name, projection.types, async (event) => {
    await projection.apply(event);
    log?.trace({ projection: projection.name, eventId: event.id, type: event.type }, "projection applied");
  });
}
