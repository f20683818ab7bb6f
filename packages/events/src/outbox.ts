import { randomUUID } from "node:crypto";
import { activeTraceparent } from "@venta/kit";
import type { DomainEvent, EventPayload, EventType } from "./catalogue.js";

/**
 * Makes an event before the write that it announces: the id is fixed here, kept through the outbox
 * and the bus, so consumers and the event store can tell a republished event from a new one. Give
 * `id` to derive it from something that identifies the happening (an inbound webhook's event id, say),
 * so that recording it twice is recording the same event.
 */
export function newEvent<T extends EventType>(
  type: T,
  payload: EventPayload<T>,
  occurredAt: Date = new Date(),
  id: string = randomUUID(),
): DomainEvent<T> {
  const traceparent = activeTraceparent();
  return { id, type, payload, occurredAt: occurredAt.toISOString(), ...(traceparent ? { traceparent } : {}) };
}

/**
 * The events a store write announces, made from what the write did. Stores call it inside the
 * write's transaction and record its events in the outbox there, so an event is written exactly when
 * its write is (a favorite that already existed announces nothing, say).
 */
export type Announce<R> = (result: R) => readonly DomainEvent[];

/**
 * The relay's side of an outbox: events committed with the writes they announce, waiting to be
 * published. One relay at a time holds the lease and publishes, oldest first; a lease that is not
 * renewed runs out, so a relay that died is taken over by the next one that looks.
 */
export interface Outbox {
  /**
   * Takes (or renews) the relay lease for `owner` for `leaseMs`; false while another owner's lease
   * runs.
   */
  acquire(owner: string, leaseMs: number): Promise<boolean>;
  /** Gives the lease up, if `owner` holds it, so another relay may publish at once. */
  release(owner: string): Promise<void>;
  /** Up to `limit` waiting events, in the order they were written. */
  oldest(limit: number): Promise<DomainEvent[]>;
  /** Forgets these events: they are on the bus. */
  remove(eventIds: readonly string[]): Promise<void>;
  /** How many events wait. */
  count(): Promise<number>;
  /** When the oldest waiting event happened (ISO 8601), null when none waits: the outbox's age. */
  oldestOccurredAt(): Promise<string | null>;
  /** Calls `listener` after each local commit that recorded events; returns the unsubscribe. */
  onRecorded(listener: () => void): () => void;
}

/** Listeners woken after a commit that recorded events, at most once per turn of the event loop. */
export class CommitSignal {
  private readonly listeners = new Set<() => void>();
  private scheduled = false;

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Wakes the listeners on the next turn: by then a synchronous SQLite transaction that recorded
   * events has committed (or rolled back, and the relay finds nothing new: harmless).
   */
  fire(): void {
    if (this.scheduled || this.listeners.size === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      for (const listener of this.listeners) listener();
    });
  }
}
