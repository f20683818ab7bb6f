import { AUSTIN } from "@venta/demo";
import { greatCircleMeters } from "@venta/geo";
import { postGraphQL } from "@venta/testing";
import type { BenchOptions } from "./args.js";
import type { DataSet } from "./data-set.js";
import { LIVE_GOALS } from "./goals.js";
import type { LiveFeedChoice } from "./live-feed.js";
import { type LiveLatencyFigure, type LiveRouter, measureLiveLatency } from "./live-latency.js";
import { type Mover, pickSpreadMovers } from "./movers.js";
import { shareSubscriptions } from "./router-split.js";
import type { RunningServices } from "./services.js";
import { UPDATE_STAGES } from "./stage-plans.js";
import { stageWindow } from "./stage-window.js";
import { BATCH_SIZE } from "./update-throughput.js";

/** A figure the suite set out to measure and could not, with what stopped it. */
export interface UnmeasuredFigure {
  figure: string;
  error: string;
}

/**
 * How often each mover reports in a rate figure: every 2 s, as in the 100 updates/s rows (200
 * movers). Movers scale with the rate, so a subscriber hears of its vendor as often at 1,000
 * updates/s as at 100, and what the higher rate adds is intake (location, the feed, the routers'
 * hubs), not a faster stream per map: a vendor moving five times a second would be coalesced for
 * any subscriber a little behind, which says nothing of a real fleet.
 */
export const REPORT_INTERVAL_SECONDS = 2;
/** The rate figures' subscriptions: the latency goal's scale, comparable with its row. */
export const RATE_SUBSCRIPTIONS = LIVE_GOALS.atSubscriptions;
/** A fleet gateway posts what its devices reported every 100 ms, in requests of at most 100. */
const FLUSHES_PER_SECOND = 10;

export const moversForRate = (rate: number) => rate * REPORT_INTERVAL_SECONDS;

/** Updates per request at `rate`: one flush's worth, 1 to `BATCH_SIZE`. */
export const reportsPerRequest = (rate: number) =>
  Math.min(BATCH_SIZE, Math.max(1, Math.round(rate / FLUSHES_PER_SECOND)));

interface ScaleContext {
  dataSet: DataSet;
  options: BenchOptions;
  feed: LiveFeedChoice["kind"];
  /** The stack's router. */
  router: LiveRouter;
  services: RunningServices;
}

/** The movers of the rate figure at `rate`: one per report interval's worth of updates. */
export function rateMovers(dataSet: DataSet, rate: number): Mover[] {
  return pickSpreadMovers(dataSet.vendors, dataSet.seed, moversForRate(rate));
}

/**
 * Update → subscriber latency at `rate` updates a second, posted in batches through the router as
 * a fleet gateway posts them, at 10,000 subscriptions.
 */
export async function measureRateFigure(
  context: ScaleContext & { rate: number; movers: readonly Mover[] },
): Promise<LiveLatencyFigure | UnmeasuredFigure> {
  const { rate, movers } = context;
  const perRequest = reportsPerRequest(rate);
  const subscriptions = RATE_SUBSCRIPTIONS;
  const reachKm = Math.max(...movers.map((m) => greatCircleMeters(AUSTIN, m.origin))) / 1000;
  const wanted = moversForRate(rate);
  const description = [
    `${movers.length.toLocaleString("en-US")} vendors, spaced so no box holds another's, from downtown out to ${reachKm.toFixed(1)} km, each report every ${(movers.length / rate).toFixed(1)} s; ≈${Math.round(subscriptions / movers.length)} subscriptions watch a ~1 km box around each`,
    `updates go ${perRequest} to an updateVendorLocations request, ${(rate / perRequest).toLocaleString("en-US")} requests/s through the router, as a fleet gateway flushing every 100 ms`,
    `${subscriptions.toLocaleString("en-US")} subscriptions: the latency goal's scale, to compare with the ${subscriptions.toLocaleString("en-US")}-subscription row above; there, at the defaults (100 updates/s over 200 movers), each subscription also hears of its vendor every ${REPORT_INTERVAL_SECONDS} s, so both deliver as many events a second and what differs is intake`,
  ];
  if (movers.length < wanted)
    description.push(
      `the city has room for ${movers.length} spaced movers, not ${wanted}: each reports more often than every ${REPORT_INTERVAL_SECONDS} s`,
    );
  const figure = `${rate.toLocaleString("en-US")} updates/s, ${subscriptions.toLocaleString("en-US")} subscriptions`;
  try {
    return await measureLiveLatency({
      vendors: context.dataSet.vendors,
      seed: context.dataSet.seed,
      routers: [context.router],
      subscriptions,
      movers,
      updateRate: rate,
      perRequest,
      durationSeconds: context.options.durationSeconds,
      feed: context.feed,
      stages: stageWindow(context.services.metrics, UPDATE_STAGES),
      label: `live latency, ${figure}`,
      description,
    });
  } catch (error) {
    return unmeasured(figure, error);
  }
}

/**
 * Update → subscriber latency with the subscriptions split evenly over the stack's router and a
 * second router process started for this figure (same supergraph, own port, the same live feed),
 * the updates posted to the two in turn.
 */
export async function measureTwoRouterFigure(
  context: ScaleContext & { subscriptions: number; movers: readonly Mover[] },
): Promise<LiveLatencyFigure | UnmeasuredFigure> {
  const { subscriptions, movers, options } = context;
  const figure = `${subscriptions.toLocaleString("en-US")} subscriptions over two routers`;
  let second: Awaited<ReturnType<RunningServices["startExtraRouter"]>>;
  try {
    second = await context.services.startExtraRouter();
  } catch (error) {
    return unmeasured(figure, error);
  }
  // The new router fetches the identity provider's keys on its first token. The bench serves them
  // from this process, which is busy once 25,000 subscriptions' events arrive: asked then, the
  // fetch timed out and the warm-up's first updates were refused ("the token could not be checked").
  const signedIn = await postGraphQL(second.graphql, "{ __typename }", {}, context.router.headers());
  if (signedIn.status !== 200 || signedIn.errors) {
    await second.stop();
    return unmeasured(
      figure,
      `the second router refused the bench's token: ${signedIn.status} ${JSON.stringify(signedIn.errors)}`,
    );
  }
  const shares = shareSubscriptions(subscriptions, 2, 1).map((share) => share.count);
  const perMover = subscriptions / movers.length;
  try {
    return await measureLiveLatency({
      vendors: context.dataSet.vendors,
      seed: context.dataSet.seed,
      routers: [context.router, { url: second.graphql, headers: context.router.headers }],
      subscriptions,
      movers,
      updateRate: options.updateRate,
      perRequest: 1,
      durationSeconds: options.durationSeconds,
      feed: context.feed,
      label: `live latency, ${figure}`,
      description: [
        `${subscriptions.toLocaleString("en-US")} subscriptions split ${shares.map((n) => n.toLocaleString("en-US")).join(" / ")} over two router processes (same supergraph, own ports), both fed by the ${context.feed} live feed`,
        `the ${movers.length} core vendors of the rows above move at ${options.updateRate} updates/s, posted to the two routers in turn; ≈${Math.round(perMover)} subscriptions watch each, ≈${Math.round(perMover / 2)} on each router`,
      ],
    });
  } catch (error) {
    return unmeasured(figure, error);
  } finally {
    await second.stop();
  }
}

function unmeasured(figure: string, error: unknown): UnmeasuredFigure {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`live latency, ${figure}: not measured: ${message}`);
  return { figure, error: message };
}
