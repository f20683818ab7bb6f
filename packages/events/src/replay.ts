import type { Logger } from "pino";
import { pause } from "./delivery.js";
import type { EventBus } from "./event-bus.js";
import { EVENT_STORE_CONSUMER } from "./event-recorder.js";
import type { EventStore } from "./event-store.js";
import type { Projection } from "./projection.js";

export interface ReplayOptions {
  store: EventStore;
  projection: Projection;
  /** Counts what would be applied, and changes nothing. */
  dryRun?: boolean;
  /**
   * Resolves once the event store holds every event published so far (see {@link recorderCaughtUp});
   * the replay then reads the store once more, for the events published while it ran.
   */
  caughtUp?: () => Promise<void>;
  /** Events read per page. Default: 1,000. */
  batchSize?: number;
  log?: Logger;
}

export interface ReplayReport {
  projection: string;
  dryRun: boolean;
  /** Events applied (or, in a dry run, that would be). */
  applied: number;
  byType: Record<string, number>;
  /** The position of the last event applied; 0 for none. */
  lastPosition: number;
  elapsedMs: number;
}

/**
 * Rebuilds a projection: resets it, then applies every stored event of its types in the order they
 * were stored. The live consumer may keep running meanwhile, and nothing published in the meantime is
 * lost: an event the live consumer applied before the reset was published before it, so once the
 * store has caught up with the bus it is in the store, and the second pass applies it; one published
 * later reaches the live consumer after the reset, on top of the rebuilt state. The live consumer's
 * position on the bus is left where it was: it goes on from there, and the events it applies again
 * change nothing (projections are idempotent).
 */
export async function replayProjection(options: ReplayOptions): Promise<ReplayReport> {
  const { store, projection, log } = options;
  const dryRun = options.dryRun ?? false;
  const batchSize = options.batchSize ?? 1_000;
  const started = performance.now();
  const report: ReplayReport = {
    projection: projection.name,
    dryRun,
    applied: 0,
    byType: {},
    lastPosition: 0,
    elapsedMs: 0,
  };
  const applyStored = async () => {
    for (;;) {
      const page = await store.query({ types: projection.types }, batchSize, report.lastPosition);
      if (!dryRun && projection.applyAll) await projection.applyAll(page.events.map((s) => s.event));
      for (const stored of page.events) {
        if (!dryRun && !projection.applyAll) await projection.apply(stored.event);
        report.applied += 1;
        report.byType[stored.event.type] = (report.byType[stored.event.type] ?? 0) + 1;
        report.lastPosition = stored.position;
      }
      log?.debug({ projection: projection.name, applied: report.applied }, "replaying");
      if (!page.hasNextPage) return;
    }
  };
  if (!dryRun) await projection.reset();
  await applyStored();
  if (options.caughtUp) {
    await options.caughtUp();
    await applyStored();
  }
  report.elapsedMs = Math.round(performance.now() - started);
  return report;
}

/**
 * Waits until the event store's recorder has stored every event published on the bus so far: none
 * waiting for it, none in its hands. Fails after `timeoutMs` (a recorder that is not running anywhere
 * never catches up: run one beside the replay).
 */
export async function recorderCaughtUp(bus: EventBus, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const signal = new AbortController().signal;
  for (;;) {
    const recorder = (await bus.stats()).find((stats) => stats.consumer === EVENT_STORE_CONSUMER);
    if (recorder && recorder.lag === 0 && recorder.pending === 0) return;
    if (Date.now() > deadline)
      throw new Error(`the event store did not catch up with the bus within ${timeoutMs} ms`);
    await pause(50, signal);
  }
}
