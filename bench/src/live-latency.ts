import { monitorEventLoopDelay } from "node:perf_hooks";
import { progressBar } from "@venta/kit";
import { postGraphQL } from "@venta/testing";
import type { HeadersFor } from "./bench-auth.js";
import { EventTally } from "./event-tally.js";
import { type LatencySummary, summarize } from "./figure.js";
import type { LiveFeedChoice } from "./live-feed.js";
import { Movement, type Mover, type WatchedBox, watchedBoxes, watchersOf } from "./movers.js";
import { paced, sleep, waitFor } from "./paced.js";
import type { StageBreakdown } from "./stage-breakdown.js";
import type { StageWindow } from "./stage-window.js";
import { openSubscribers } from "./subscribers.js";

/** The router is started with this limit, so 10k subscriptions fit on 100 sockets. */
export const SUBSCRIPTIONS_PER_SOCKET = 100;
const WARMUP_ROUNDS = 3;
const WARMUP_WAIT_MS = 15_000;
/** Let the warm-up's events drain, so the first measured ones do not queue behind them. */
const SETTLE_MS = 1_000;
/** After the last update: stop waiting once no event came for this long, or at the cap. */
const QUIET_MS = 2_000;
const DRAIN_CAP_MS = 15_000;

const MOVE = `mutation Move($input: UpdateVendorLocationInput!) {
  updateVendorLocation(input: $input) { updatedAt }
}`;

export interface LiveLatencyFigure {
  vendors: number;
  subscriptions: number;
  sockets: number;
  movers: number;
  feed: LiveFeedChoice["kind"];
  /** Subscriptions that heard the warm-up: known to be open when the measured updates began. */
  established: number;
  /** How long the measured updates took to send. */
  seconds: number;
  updates: { sent: number; accepted: number; errors: number; perSecond: number };
  events: {
    /** Σ over accepted updates of the subscriptions whose box holds the vendor before or after. */
    expected: number;
    /** Distinct (subscription, update) pairs delivered: each gives one latency sample. */
    received: number;
    /** Expected but never delivered: lost, or coalesced into a later event for a slow subscriber. */
    missing: number;
    duplicates: number;
    /** Events with GraphQL errors or without the vendor's name from marketplace. */
    errors: number;
    /** Events for no measured update (late warm-up events, vendors going offline). */
    other: number;
  };
  /** Subscriptions refused or ended by the router, and sockets that failed. */
  subscriptionFailures: number;
  /** Receive time − `location.updatedAt` (the update's `recordedAt`, set when it was sent). */
  latencyMs: LatencySummary;
  /**
   * This process's event-loop delay while measuring: an event is stamped only when the loop gets
   * to it, so a busy client adds up to this much to the latency it reports.
   */
  clientLoopDelayMs: { p99: number; max: number };
  notes: string[];
  /** Where the time went in the services, from the first measured update to the end of the drain. */
  stages?: StageBreakdown;
}

export interface LiveLatencyOptions {
  vendors: number;
  seed: number;
  /** The router's GraphQL endpoint: updates go in and subscriptions come out there. */
  url: string;
  /** Credentials for the updates: a caller allowed to move every mover (an admin). */
  headers: HeadersFor;
  subscriptions: number;
  movers: readonly Mover[];
  updateRate: number;
  durationSeconds: number;
  feed: LiveFeedChoice["kind"];
  /** Opened as the measured updates begin and closed once their events have drained. */
  stages?: StageWindow;
}

/**
 * Update → subscriber latency: `subscriptions` boxes around the movers, subscribed through the
 * router over graphql-ws; then the movers report positions through the router at `updateRate`
 * for `durationSeconds`, and every event's delay from the report's `recordedAt` is a sample.
 */
export async function measureLiveLatency(options: LiveLatencyOptions): Promise<LiveLatencyFigure> {
  const { movers, subscriptions } = options;
  const boxes: WatchedBox[] = watchedBoxes(movers, subscriptions, options.seed);
  const movement = new Movement(movers);
  const label = `live latency, ${subscriptions} subscriptions`;

  const tally = new EventTally(subscriptions);
  const errorSamples: string[] = [];
  /**
   * Reports one move through the router, stamped with the moment it leaves; says whether it was
   * accepted and how many subscriptions should hear of it.
   */
  const move = async (index: number, register: boolean): Promise<{ ok: boolean; watchers: number }> => {
    const mover = movers[index] as Mover;
    const { previous, next } = movement.advance(index);
    const recordedAt = new Date().toISOString();
    if (register) tally.expect(mover.id, recordedAt);
    const watchers = watchersOf(boxes, previous, next);
    try {
      const answer = await postGraphQL(
        options.url,
        MOVE,
        { input: { vendorId: mover.id, ...next, accuracyMeters: 5, recordedAt } },
        options.headers(),
      );
      if (answer.status === 200 && !answer.errors) return { ok: true, watchers };
      if (errorSamples.length < 3) errorSamples.push(`${answer.status} ${JSON.stringify(answer.errors)}`);
    } catch (error) {
      if (errorSamples.length < 3) errorSamples.push(String(error));
    }
    return { ok: false, watchers };
  };

  console.error(`${label}: opening ${Math.ceil(subscriptions / SUBSCRIPTIONS_PER_SOCKET)} sockets`);
  const subscribers = await openSubscribers({
    url: options.url,
    boxes: boxes.map((watched) => watched.box),
    perSocket: SUBSCRIPTIONS_PER_SOCKET,
    onEvent: (event) => tally.record(event),
  });
  try {
    // graphql-ws does not acknowledge a subscription; hearing an event proves it is open. Movers
    // whose subscribers have not all heard one are moved again, a few rounds at most.
    for (let round = 0; round < WARMUP_ROUNDS && tally.silent() > 0; round += 1) {
      const waiting = new Set(boxes.filter((_, i) => !tally.hasHeard(i)).map((watched) => watched.mover));
      const indices = [...waiting];
      let failed = 0;
      await paced(indices.length, options.updateRate, async (k) => {
        if (!(await move(indices[k] as number, false)).ok) failed += 1;
      });
      if (failed === indices.length)
        throw new Error(`the router accepted no update in the warm-up: ${errorSamples.join("; ")}`);
      await waitFor(() => tally.silent() === 0, WARMUP_WAIT_MS);
    }
    const established = subscriptions - tally.silent();
    console.error(`${label}: ${established} of ${subscriptions} subscriptions heard the warm-up`);
    await sleep(SETTLE_MS);

    await options.stages?.open();
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const total = options.updateRate * options.durationSeconds;
    const progress = progressBar(label, total);
    let accepted = 0;
    let expected = 0;
    let sent = 0;
    const seconds = await paced(total, options.updateRate, async (k) => {
      const result = await move(k % movers.length, true);
      if (result.ok) {
        accepted += 1;
        expected += result.watchers;
      }
      if (++sent % options.updateRate === 0) progress.update(sent);
    });
    progress.done();
    const drainStarted = performance.now();
    await waitFor(
      () =>
        tally.samples.length >= expected ||
        performance.now() - Math.max(tally.lastEventAt, drainStarted) > QUIET_MS ||
        performance.now() - drainStarted > DRAIN_CAP_MS,
      DRAIN_CAP_MS + QUIET_MS,
    );
    loopDelay.disable();
    const stages = await options.stages?.close();

    const notes = [
      `${movers.length} vendors in the dense core each move a few meters per update, ≈${Math.round(subscriptions / movers.length)} subscriptions watch a ~1 km box around each; updates and subscriptions go through the router`,
      "latency = time the event reached the client − the update's recordedAt, stamped as it was sent (one clock)",
    ];
    if (established < subscriptions)
      notes.push(`${subscriptions - established} subscriptions heard nothing in the warm-up`);
    if (errorSamples.length > 0) notes.push(`update errors, e.g. ${errorSamples.join("; ")}`);
    if (subscribers.errorSamples.length > 0)
      notes.push(`event errors, e.g. ${subscribers.errorSamples.join("; ")}`);
    if (subscribers.failureSamples.length > 0)
      notes.push(`subscription failures, e.g. ${subscribers.failureSamples.join("; ")}`);
    return {
      vendors: options.vendors,
      subscriptions,
      sockets: subscribers.sockets,
      movers: movers.length,
      feed: options.feed,
      established,
      seconds,
      updates: { sent: total, accepted, errors: total - accepted, perSecond: total / seconds },
      events: {
        expected,
        received: tally.samples.length,
        missing: Math.max(0, expected - tally.samples.length),
        duplicates: tally.duplicates,
        errors: subscribers.eventErrors,
        other: tally.other,
      },
      subscriptionFailures: subscribers.failures,
      latencyMs: summarize(tally.samples),
      clientLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
      notes,
      ...(stages ? { stages } : {}),
    };
  } finally {
    await subscribers.close();
  }
}
