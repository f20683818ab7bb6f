import { busDeliveryDelays } from "@venta/kit";
import { type DomainEvent, parseEvent } from "./catalogue.js";
import { type DeliveryOptions, deliver, type Outcome, pause } from "./delivery.js";
import { consumeBatchTraced } from "./delivery-tracing.js";
import { type BatchHandler, type EventHandler, type RawEvent, retryDelayMs } from "./event-bus.js";

/** What became of one event: handled, or set aside as a dead letter. */
export interface Settled {
  event: RawEvent;
  outcome: Exclude<Outcome, { kind: "stopped" }>;
}

/**
 * Hands a read's worth of wanted events to a consumer's handler. What became of them is reported
 * in publish order through `settle`, a run of events at a time, so that the adapter acknowledges
 * (and records dead letters for) each run in one write, before the next run is handed over.
 * Resolves to false when the consumption stopped before every event was settled: the rest stay
 * unacknowledged.
 */
export type Delivery = (
  events: readonly RawEvent[],
  settle: (settled: Settled[]) => Promise<void> | void,
  /** How many times each event was delivered before, plus one (see {@link DeliveryOptions}). */
  firstAttempt?: (event: RawEvent) => number,
) => Promise<boolean>;

export type DeliveryContext = Omit<DeliveryOptions, "firstAttempt">;

/**
 * Records `venta_event_bus_delivery_delay_seconds` for each event `consumer` handled, from when
 * the bus took it; events without that time (see `RawEvent.publishedAt`) are not recorded.
 */
function handledTimer(consumer: string): (event: RawEvent) => void {
  const observe = busDeliveryDelays(consumer);
  return (event) => {
    if (event.publishedAt !== undefined) observe(event.publishedAt);
  };
}

/** The classic delivery: each event on its own, acknowledged as soon as it is handled. */
export function oneAtATime(handler: EventHandler, context: DeliveryContext): Delivery {
  const handled = handledTimer(context.consumer);
  return async (events, settle, firstAttempt = () => 1) => {
    for (const event of events) {
      const outcome = await deliver(event, handler, { ...context, firstAttempt: firstAttempt(event) });
      if (outcome.kind === "stopped") return false;
      if (outcome.kind === "handled") handled(event);
      await settle([{ event, outcome }]);
    }
    return true;
  };
}

/**
 * Attempts of a whole batch before its events are handed over one at a time. Few, since a batch
 * that keeps failing most likely holds a poison event, and each event handed over alone still
 * gets the full budget of attempts (so a database that is down is still waited for).
 */
export const BATCH_ATTEMPTS = 3;

/**
 * Delivery in batches: the wanted events of one read go to the handler together and are
 * acknowledged together. When a batch fails {@link BATCH_ATTEMPTS} times, its events are handed over
 * one at a time until one becomes a dead letter, and the events after it are batched again.
 * Malformed events, and events a process died handling (delivered before, never acknowledged), are
 * always handed over alone: they would drag their batch down with them.
 */
export function inBatches(handler: BatchHandler, context: DeliveryContext): Delivery {
  const alone = oneAtATime((event) => handler([event]), context);
  const handled = handledTimer(context.consumer);
  const maxAttempts = Math.max(1, context.maxAttempts);

  /** Events that parsed and were never delivered before: these are batched. */
  const batchable = (raw: RawEvent, firstAttempt: number): DomainEvent | undefined => {
    if (firstAttempt > 1) return undefined;
    try {
      return parseEvent(raw);
    } catch {
      return undefined;
    }
  };

  const deliverBatch = async (
    raws: readonly RawEvent[],
    events: readonly DomainEvent[],
    settle: (settled: Settled[]) => Promise<void> | void,
  ): Promise<boolean> => {
    if (raws.length === 1) return alone(raws, settle);
    const { consumer, signal, log } = context;
    for (let attempt = 1; attempt <= Math.min(BATCH_ATTEMPTS, maxAttempts); attempt += 1) {
      if (signal.aborted) return false;
      try {
        await consumeBatchTraced(raws, consumer, attempt, async () => handler(events));
        for (const raw of raws) handled(raw);
        await settle(raws.map((event) => ({ event, outcome: { kind: "handled" } })));
        return true;
      } catch (error) {
        log.warn(
          { err: error, consumer, events: raws.length, firstEventId: raws[0]?.id, attempt },
          "event batch handler failed: will redeliver",
        );
        if (!(await pause(retryDelayMs(attempt), signal))) return false;
      }
    }
    log.warn(
      { consumer, events: raws.length, firstEventId: raws[0]?.id },
      "event batch keeps failing: handing its events over one at a time",
    );
    for (const [index, raw] of raws.entries()) {
      let outcome: Settled["outcome"] | undefined;
      const ranOut = await alone([raw], (settled) => {
        outcome = settled[0]?.outcome;
        return settle(settled);
      });
      if (!ranOut) return false;
      // The culprit is set aside: the events after it may well be fine together.
      if (outcome?.kind === "dead")
        return deliverBatch(raws.slice(index + 1), events.slice(index + 1), settle);
    }
    return true;
  };

  return async (raws, settle, firstAttempt = () => 1) => {
    let run: { raws: RawEvent[]; events: DomainEvent[] } = { raws: [], events: [] };
    const flush = async () => {
      const { raws: pending, events } = run;
      run = { raws: [], events: [] };
      return pending.length === 0 || deliverBatch(pending, events, settle);
    };
    for (const raw of raws) {
      const attempt = firstAttempt(raw);
      const event = batchable(raw, attempt);
      if (event) {
        run.raws.push(raw);
        run.events.push(event);
        continue;
      }
      if (!(await flush())) return false;
      if (!(await alone([raw], settle, () => attempt))) return false;
    }
    return flush();
  };
}
