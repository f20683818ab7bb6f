import type { AggregateType, DomainEvent, EventType } from "./catalogue.js";

/** An event as the event store keeps it: where it sits in the store, and what it is about. */
export interface StoredEvent {
  /** Append order, from 1; gaps are possible, repeats are not. */
  position: number;
  event: DomainEvent;
  aggregateType: AggregateType;
  aggregateId: string;
}

export interface StoredEventPage {
  events: StoredEvent[];
  hasNextPage: boolean;
}

/** Which events to read: all of them unless narrowed; times are the events' own `occurredAt`. */
export interface EventQuery {
  types?: readonly EventType[];
  /** From this instant on (inclusive). */
  from?: Date;
  /** Before this instant (exclusive). */
  to?: Date;
}

/**
 * The history of every event published on the bus, filed by aggregate (see `aggregateOf` in the
 * catalogue). Appending is idempotent by event id, so the recorder may see an event twice. Pages run
 * in append order, after a position. Events are never removed or reordered; the one change is
 * erasure: appending `marketplace.user_deleted` redacts the person's data from the events that hold
 * it (see event-erasure.ts), before and after.
 */
export interface EventStore {
  /** Appends the events it does not have yet, in order; returns how many were new. */
  append(events: readonly DomainEvent[]): Promise<number>;
  /** One aggregate's events, oldest first. */
  eventsFor(
    aggregateType: AggregateType,
    aggregateId: string,
    first: number,
    afterPosition?: number,
  ): Promise<StoredEventPage>;
  /** Events by type and time, oldest first: what a replay reads. */
  query(query: EventQuery, first: number, afterPosition?: number): Promise<StoredEventPage>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
