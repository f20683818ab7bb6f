import { monitorEventLoopDelay } from "node:perf_hooks";
import { progressBar } from "@venta/kit";
import type { HeadersFor } from "./bench-auth.js";
import { EventTally } from "./event-tally.js";
import { type LatencySummary, summarize } from "./figure.js";
import type { LiveFeedChoice } from "./live-feed.js";
import { Movement, type Mover, type WatchedBox, watchedBoxes } from "./movers.js";
import { paced, sleep, waitFor } from "./paced.js";
import { type PositionReport, postReports } from "./position-reports.js";
import { type RouterReading, type RouterUsage, readRouter, routerUsage } from "./router-readings.js";
import { routerOfRequest, routerOfSubscription, shareSubscriptions } from "./router-split.js";
import type { StageBreakdown } from "./stage-breakdown.js";
import type { StageWindow } from "./stage-window.js";
import { openSubscribers, type Subscribers } from "./subscribers.js";
import { Watchers } from "./watchers.js";

/** The router is started with this limit, so 10k subscriptions fit on 100 sockets. */
export const SUBSCRIPTIONS_PER_SOCKET = 100;
const WARMUP_ROUNDS = 3;
const WARMUP_WAIT_MS = 15_000;
/** Let the warm-up's events drain, so the first measured ones do not queue behind them. */
const SETTLE_MS = 1_000;
/** After the last update: stop waiting once no event came for this long, or at the cap. */
const QUIET_MS = 2_000;
const DRAIN_CAP_MS = 15_000;
const MIB = 2 ** 20;

/** A router the figure subscribes through and posts updates to. */
export interface LiveRouter {
  /** Its GraphQL endpoint over HTTP; the subscription socket is on the same path. */
  url: string;
  /** Credentials for the updates: a caller allowed to move every mover (an admin). */
  headers: HeadersFor;
}

/** One router's part of a figure. */
export interface RouterFigure {
  subscriptions: number;
  sockets: number;
  /** Of its subscriptions, those that heard the warm-up. */
  established: number;
  /** Updates posted to this router (requests go to the routers in turn). */
  updatesPosted: number;
  events: { expected: number; received: number; missing: number };
  latencyMs: LatencySummary;
  /** From the router's `/metrics`, over the measured window; absent when it could not be read. */
  usage?: RouterUsage;
}

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
  updates: {
    sent: number;
    accepted: number;
    /** Updates refused: a refused batch counts every update in it. */
    errors: number;
    /** The rate asked for; `perSecond` is the rate achieved. */
    targetPerSecond: number;
    perSecond: number;
    /** 1: each update alone (`updateVendorLocation`); more: batches (`updateVendorLocations`). */
    perRequest: number;
    requests: number;
  };
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
  /** Per router, in the order given: one for a single-router figure. */
  routers: RouterFigure[];
  /**
   * This process's event-loop delay while measuring: an event is stamped only when the loop gets
   * to it, so a busy client adds up to this much to the latency it reports.
   */
  clientLoopDelayMs: { p99: number; max: number };
  /** This process's resident memory once the events had drained. */
  clientResidentMiB: number;
  notes: string[];
  /** Where the time went in the services, from the first measured update to the end of the drain. */
  stages?: StageBreakdown;
}

export interface LiveLatencyOptions {
  vendors: number;
  seed: number;
  /** The subscriptions are split evenly over these; update requests go to them in turn. */
  routers: readonly LiveRouter[];
  subscriptions: number;
  movers: readonly Mover[];
  updateRate: number;
  /** Updates per request: 1 posts each alone, as a device does; more post them as a fleet's batches. */
  perRequest: number;
  durationSeconds: number;
  feed: LiveFeedChoice["kind"];
  /** Opened as the measured updates begin and closed once their events have drained. */
  stages?: StageWindow;
  /** Names the figure in progress lines. */
  label: string;
  /** What the figure measures, its first notes. */
  description: readonly string[];
}

/** What posting one request's updates came to. */
interface Posted {
  accepted: number;
  /** Per router: the subscriptions that should hear of the accepted updates. */
  watchers: number[];
}

/**
 * Update → subscriber latency: `subscriptions` boxes around the movers, subscribed over graphql-ws
 * through the routers (split evenly); then the movers report positions to the routers at
 * `updateRate` for `durationSeconds`, `perRequest` to a request, and every event's delay from the
 * report's `recordedAt` is a sample.
 */
export async function measureLiveLatency(options: LiveLatencyOptions): Promise<LiveLatencyFigure> {
  const { movers, subscriptions, routers, label, perRequest } = options;
  // A request's reports share one `recordedAt`, which must name one update per vendor.
  if (perRequest > movers.length)
    throw new Error(`${label}: ${perRequest} updates per request, but only ${movers.length} movers`);
  const boxes: WatchedBox[] = watchedBoxes(movers, subscriptions, options.seed);
  const shares = shareSubscriptions(subscriptions, routers.length, SUBSCRIPTIONS_PER_SOCKET);
  const routerOf = routerOfSubscription(shares);
  const watchers = new Watchers(boxes, movers.length, routers.length, routerOf);
  const movement = new Movement(movers);

  const tally = new EventTally(subscriptions);
  const samplesByRouter: number[][] = routers.map(() => []);
  /** Refusals of measured updates, and of the warm-up's apart: those count in no figure. */
  const errorSamples: string[] = [];
  const warmupRefusals = { updates: 0, samples: [] as string[] };
  let requestsPosted = 0;
  const updatesPosted = routers.map(() => 0);
  /**
   * Reports the given movers' next positions in one request to the next router in turn, each
   * stamped with the moment it leaves; `register` makes them measured updates.
   */
  const post = async (indices: readonly number[], register: boolean): Promise<Posted> => {
    const router = routerOfRequest(requestsPosted, routers.length);
    requestsPosted += 1;
    const recordedAt = new Date().toISOString();
    const reached = routers.map(() => 0);
    const reports: PositionReport[] = indices.map((index) => {
      const mover = movers[index] as Mover;
      const { previous, next } = movement.advance(index);
      if (register) tally.expect(mover.id, recordedAt);
      watchers.of(index, previous, next).forEach((count, r) => {
        reached[r] = (reached[r] ?? 0) + count;
      });
      return { vendorId: mover.id, ...next, accuracyMeters: 5, recordedAt };
    });
    updatesPosted[router] = (updatesPosted[router] ?? 0) + reports.length;
    const target = routers[router] as LiveRouter;
    const refusal = await postReports(target.url, target.headers, reports);
    if (refusal === undefined) return { accepted: reports.length, watchers: reached };
    const samples = register ? errorSamples : warmupRefusals.samples;
    if (!register) warmupRefusals.updates += reports.length;
    if (samples.length < 3) samples.push(refusal);
    return { accepted: 0, watchers: routers.map(() => 0) };
  };
  /** Posts the updates of `indices` (mover numbers) `perRequest` at a time, at `updateRate`. */
  const postPaced = (
    indices: readonly number[],
    register: boolean,
    onPosted: (posted: Posted, sent: number) => void,
  ) => {
    const requests = Math.ceil(indices.length / perRequest);
    return paced(requests, options.updateRate / perRequest, async (k) => {
      const chunk = indices.slice(k * perRequest, (k + 1) * perRequest);
      onPosted(await post(chunk, register), chunk.length);
    });
  };

  console.error(`${label}: opening ${shares.reduce((sum, share) => sum + share.sockets, 0)} sockets`);
  const opened = await Promise.allSettled(
    shares.map((share) =>
      openSubscribers({
        url: (routers[share.router] as LiveRouter).url,
        boxes: boxes.slice(share.first, share.first + share.count).map((watched) => watched.box),
        firstSubscription: share.first,
        perSocket: SUBSCRIPTIONS_PER_SOCKET,
        onEvent: (event) => {
          const sample = tally.record(event);
          if (sample !== undefined) samplesByRouter[routerOf(event.subscription)]?.push(sample);
        },
      }),
    ),
  );
  const subscribers = opened.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const refused = opened.find((result) => result.status === "rejected");
  if (refused) {
    await Promise.all(subscribers.map((group) => group.close()));
    throw refused.reason;
  }
  try {
    // graphql-ws does not acknowledge a subscription; hearing an event proves it is open. Movers
    // whose subscribers have not all heard one are moved again, a few rounds at most.
    for (let round = 0; round < WARMUP_ROUNDS && tally.silent() > 0; round += 1) {
      const waiting = new Set(boxes.filter((_, i) => !tally.hasHeard(i)).map((watched) => watched.mover));
      let accepted = 0;
      await postPaced([...waiting], false, (posted) => {
        accepted += posted.accepted;
      });
      if (accepted === 0)
        throw new Error(
          `the routers accepted no update in the warm-up: ${warmupRefusals.samples.join("; ")}`,
        );
      await waitFor(() => tally.silent() === 0, WARMUP_WAIT_MS);
    }
    const established = subscriptions - tally.silent();
    const establishedByRouter = shares.map((share) => {
      let heard = 0;
      for (let i = share.first; i < share.first + share.count; i += 1) if (tally.hasHeard(i)) heard += 1;
      return heard;
    });
    console.error(`${label}: ${established} of ${subscriptions} subscriptions heard the warm-up`);
    await sleep(SETTLE_MS);

    await options.stages?.open();
    const before = await readRouters(routers);
    const requestsBefore = requestsPosted;
    const postedBefore = [...updatesPosted];
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const total = options.updateRate * options.durationSeconds;
    const progress = progressBar(label, total);
    let accepted = 0;
    let sent = 0;
    const expectedByRouter = routers.map(() => 0);
    const measured = Array.from({ length: total }, (_, k) => k % movers.length);
    const seconds = await postPaced(measured, true, (posted, updates) => {
      accepted += posted.accepted;
      posted.watchers.forEach((count, r) => {
        expectedByRouter[r] = (expectedByRouter[r] ?? 0) + count;
      });
      const before = sent;
      sent += updates;
      if (Math.floor(sent / options.updateRate) > Math.floor(before / options.updateRate))
        progress.update(sent);
    });
    progress.done();
    const expected = expectedByRouter.reduce((sum, count) => sum + count, 0);
    const drainStarted = performance.now();
    await waitFor(
      () =>
        tally.samples.length >= expected ||
        performance.now() - Math.max(tally.lastEventAt, drainStarted) > QUIET_MS ||
        performance.now() - drainStarted > DRAIN_CAP_MS,
      DRAIN_CAP_MS + QUIET_MS,
    );
    loopDelay.disable();
    const after = await readRouters(routers);
    const stages = await options.stages?.close();

    const notes = [
      ...options.description,
      "latency = time the event reached the client − the update's recordedAt, stamped as it was sent (one clock)",
    ];
    if (established < subscriptions)
      notes.push(`${subscriptions - established} subscriptions heard nothing in the warm-up`);
    if (warmupRefusals.updates > 0)
      notes.push(
        `${warmupRefusals.updates} warm-up updates refused (before measuring, in no figure), e.g. ${warmupRefusals.samples.join("; ")}`,
      );
    if (errorSamples.length > 0) notes.push(`update errors, e.g. ${errorSamples.join("; ")}`);
    const eventErrors = subscribers.flatMap((group) => group.errorSamples);
    if (eventErrors.length > 0) notes.push(`event errors, e.g. ${eventErrors.slice(0, 5).join("; ")}`);
    const failures = subscribers.flatMap((group) => group.failureSamples);
    if (failures.length > 0) notes.push(`subscription failures, e.g. ${failures.slice(0, 5).join("; ")}`);
    const unread = routers.filter((_, r) => !before[r] || !after[r]).length;
    if (unread > 0) notes.push(`${unread} router(s) did not answer /metrics: no usage for them`);
    return {
      vendors: options.vendors,
      subscriptions,
      sockets: sum(subscribers, (group) => group.sockets),
      movers: movers.length,
      feed: options.feed,
      established,
      seconds,
      updates: {
        sent: total,
        accepted,
        errors: total - accepted,
        targetPerSecond: options.updateRate,
        // The requests start over `seconds`, and the last one stands for a whole interval after it.
        perSecond: total / (seconds + perRequest / options.updateRate),
        perRequest,
        requests: requestsPosted - requestsBefore,
      },
      events: {
        expected,
        received: tally.samples.length,
        missing: Math.max(0, expected - tally.samples.length),
        duplicates: tally.duplicates,
        errors: sum(subscribers, (group) => group.eventErrors),
        other: tally.other,
      },
      subscriptionFailures: sum(subscribers, (group) => group.failures),
      latencyMs: summarize(tally.samples),
      routers: shares.map((share) => {
        const r = share.router;
        const received = samplesByRouter[r]?.length ?? 0;
        const routerExpected = expectedByRouter[r] ?? 0;
        const usageBefore = before[r];
        const usageAfter = after[r];
        return {
          subscriptions: share.count,
          sockets: share.sockets,
          established: establishedByRouter[r] ?? 0,
          updatesPosted: (updatesPosted[r] ?? 0) - (postedBefore[r] ?? 0),
          events: { expected: routerExpected, received, missing: Math.max(0, routerExpected - received) },
          latencyMs: summarize(samplesByRouter[r] ?? []),
          ...(usageBefore && usageAfter ? { usage: routerUsage(usageBefore, usageAfter) } : {}),
        };
      }),
      clientLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
      clientResidentMiB: process.memoryUsage().rss / MIB,
      notes,
      ...(stages ? { stages } : {}),
    };
  } finally {
    await Promise.all(subscribers.map((group) => group.close()));
  }
}

const sum = (groups: readonly Subscribers[], count: (group: Subscribers) => number) =>
  groups.reduce((total, group) => total + count(group), 0);

/** Each router's `/metrics`, or undefined for one that did not answer: usage is extra, not the figure. */
const readRouters = (routers: readonly LiveRouter[]): Promise<(RouterReading | undefined)[]> =>
  Promise.all(routers.map((router) => readRouter(router.url).catch(() => undefined)));
