import type { DomainEvent, EventPayload, EventType } from "./catalogue.js";

export type EventHandler = (event: DomainEvent) => Promise<void> | void;

/**
 * Handles several events at once, in publish order: a consumer that writes them in one transaction
 * pays for one commit instead of one per event. It must handle all of them or throw.
 */
export type BatchHandler = (events: readonly DomainEvent[]) => Promise<void> | void;

export interface Consumption {
  stop(): Promise<void>;
}

export interface ConsumeOptions {
  /**
   * Deliveries of one event before it is set aside as a dead letter, so that one poison event
   * cannot hold up every event behind it. Default: {@link DEFAULT_MAX_ATTEMPTS}.
   */
  maxAttempts?: number;
}

/** Eight attempts span about 13 s of backoff: long enough to ride out a restarting database. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** An event as read from the log, before validation: a dead letter may be dead because it is malformed. */
export interface RawEvent {
  id: string;
  type: string;
  payload: unknown;
  occurredAt: string;
  /** The producer's trace context, when the event was made inside a traced request. */
  traceparent?: string | undefined;
  /**
   * When the bus took the event (epoch ms), as a consumption reads it: for the delay to the
   * consumer having handled it (a letter redriven on Redis: when it was redriven). Absent where
   * the bus cannot tell: rows a SQLite bus wrote before it kept the time, letters it redrives.
   */
  publishedAt?: number | undefined;
}

/** An event a consumer gave up on, kept until an operator redrives it. */
export interface DeadLetter {
  event: RawEvent;
  consumer: string;
  /** The last failure's message. */
  error: string;
  attempts: number;
  /** When the consumer gave up, as an ISO 8601 instant. */
  deadAt: string;
}

/** How far behind one consumer is: what a health or metrics endpoint reports. */
export interface ConsumerStats {
  consumer: string;
  /** Events published (or redriven) that the consumer has not been handed yet. */
  lag: number;
  /**
   * Events handed to a process but not yet acknowledged: in flight, or held by a process that died
   * (Redis hands those to a live process after a while). The SQLite bus acknowledges as each
   * handler returns, inside the process, so it always reports 0.
   */
  pending: number;
  /** Events set aside after failing too often, waiting for {@link EventBus.redrive}. */
  deadLetters: number;
}

/**
 * The bus between subgraphs. Delivery is at least once and in publish order per consumer; a handler
 * that throws sees the same event again after a growing pause, up to a maximum number of attempts,
 * after which the event becomes a dead letter and the consumer moves on. Handlers must therefore be
 * idempotent: redeliveries, redrives and (on Redis) takeovers from crashed processes repeat events.
 */
export interface EventBus {
  publish<T extends EventType>(type: T, payload: EventPayload<T>): Promise<DomainEvent<T>>;
  /** Publishes several events in one round trip, in order. */
  publishAll<T extends EventType>(type: T, payloads: readonly EventPayload<T>[]): Promise<void>;
  /**
   * Publishes events made beforehand (by an outbox), in order, keeping their ids and times, in one
   * round trip. Rejects unless the bus has every one of them. Publishing an event again may deliver
   * it again (the SQLite bus ignores an id it already has): consumers dedupe by id.
   */
  publishEvents(events: readonly DomainEvent[]): Promise<void>;
  /**
   * Delivers events of `types` to `handler`, resuming after the last event `consumer` acknowledged;
   * a consumer name seen for the first time starts from the oldest retained event.
   */
  consume(
    consumer: string,
    types: readonly EventType[],
    handler: EventHandler,
    options?: ConsumeOptions,
  ): Consumption;
  /**
   * As {@link consume}, but hands `handler` every wanted event of one read from the log (up to a
   * few hundred), in publish order, and acknowledges them together once it returns. A batch that
   * fails is retried with backoff; if it keeps failing, its events are handed over one at a time,
   * so that only an event failing on its own becomes a dead letter, and batching resumes after it.
   * Events a process died handling are also handed over one at a time.
   */
  consumeBatches(
    consumer: string,
    types: readonly EventType[],
    handler: BatchHandler,
    options?: ConsumeOptions,
  ): Consumption;
  /** The consumer's dead letters, oldest first. */
  deadLetters(consumer: string, limit?: number): Promise<DeadLetter[]>;
  /**
   * Hands every dead letter of `consumer` back to that consumer (and no other), with a fresh
   * budget of attempts; a running consumption picks them up, a stopped one when it next starts.
   * Returns how many were redriven.
   */
  redrive(consumer: string): Promise<number>;
  /**
   * Discards events that every known consumer has passed and that are older than the bus's
   * retention period; returns how many. Buses also do this on their own, periodically.
   */
  applyRetention(): Promise<number>;
  /** Every known consumer, by name. */
  stats(): Promise<ConsumerStats[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Pause before redelivering an event whose handler failed: doubles up to a ceiling. */
export function retryDelayMs(attempt: number): number {
  return Math.min(100 * 2 ** Math.max(0, attempt - 1), 10_000);
}
