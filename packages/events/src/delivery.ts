import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import { type DomainEvent, parseEvent } from "./catalogue.js";
import { consumeTraced } from "./delivery-tracing.js";
import { type EventHandler, type RawEvent, retryDelayMs } from "./event-bus.js";

export type Outcome =
  | { kind: "handled" }
  /** The consumer gives up on the event: it becomes a dead letter and the consumer moves on. */
  | { kind: "dead"; error: string; attempts: number }
  /** The consumption stopped before the event was handled: leave it unacknowledged. */
  | { kind: "stopped" };

export interface DeliveryOptions {
  consumer: string;
  maxAttempts: number;
  /**
   * The number of this delivery: above 1 when earlier deliveries were never acknowledged because
   * the process handling them died, so a crash-inducing event still runs out of attempts.
   */
  firstAttempt?: number;
  signal: AbortSignal;
  log: Logger;
}

/**
 * Hands one event to a handler, retrying with exponential backoff in place (so later events wait
 * and publish order holds) until it succeeds, the attempts run out or the consumption stops.
 */
export async function deliver(
  raw: RawEvent,
  handler: EventHandler,
  options: DeliveryOptions,
): Promise<Outcome> {
  const { consumer, signal, log } = options;
  const maxAttempts = Math.max(1, options.maxAttempts);
  const first = options.firstAttempt ?? 1;
  const dead = (error: string, attempts: number): Outcome => {
    log.error(
      { consumer, eventId: raw.id, type: raw.type, attempts, error },
      "event set aside as dead letter",
    );
    return { kind: "dead", error, attempts };
  };
  if (first > maxAttempts) {
    return dead(
      `not acknowledged after ${first - 1} deliveries: the consumer crashed or stalled on it`,
      first - 1,
    );
  }
  let event: DomainEvent;
  try {
    event = parseEvent(raw);
  } catch (error) {
    // A malformed event fails the same way every time: retrying would only hold up the stream.
    return dead(`malformed event: ${describe(error)}`, first);
  }
  for (let attempt = first; ; attempt += 1) {
    if (signal.aborted) return { kind: "stopped" };
    try {
      await consumeTraced(raw, consumer, attempt, async () => handler(event));
      return { kind: "handled" };
    } catch (error) {
      if (attempt >= maxAttempts) return dead(describe(error), attempt);
      log.warn({ err: error, consumer, eventId: raw.id, attempt }, "event handler failed: will redeliver");
      if (!(await pause(retryDelayMs(attempt), signal))) return { kind: "stopped" };
    }
  }
}

/** Waits, unless the consumption stops first; returns whether the wait ran its course. */
export async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads a stored payload back; text that is not JSON is kept as is, so validation can reject it. */
export function parsePayload(text: string | undefined): unknown {
  if (text === undefined) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
