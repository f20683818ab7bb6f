import type { DomainEvent, EventPayload, EventType } from "./catalogue.js";

export type EventHandler = (event: DomainEvent) => Promise<void> | void;

export interface Consumption {
  stop(): Promise<void>;
}

/**
 * The bus between subgraphs. Delivery is at least once and in publish order per consumer; a handler
 * that throws sees the same event again after a pause, so handlers must be idempotent.
 */
export interface EventBus {
  publish<T extends EventType>(type: T, payload: EventPayload<T>): Promise<DomainEvent<T>>;
  /** Publishes several events in one round trip, in order. */
  publishAll<T extends EventType>(type: T, payloads: readonly EventPayload<T>[]): Promise<void>;
  /**
   * Delivers events of `types` to `handler`, resuming after the last event `consumer` acknowledged;
   * a consumer name seen for the first time starts from the oldest retained event.
   */
  consume(consumer: string, types: readonly EventType[], handler: EventHandler): Consumption;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Pause before redelivering an event whose handler failed: doubles up to a ceiling. */
export function retryDelayMs(attempt: number): number {
  return Math.min(100 * 2 ** Math.max(0, attempt - 1), 10_000);
}
