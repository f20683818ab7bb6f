import type { GeoPoint } from "@venta/geo";
import type { BenchOptions } from "./args.js";
import type { HeadersFor } from "./bench-auth.js";
import type { DataSet } from "./data-set.js";
import { chooseLiveFeed, type LiveFeedChoice } from "./live-feed.js";
import { type LiveLatencyFigure, measureLiveLatency, SUBSCRIPTIONS_PER_SOCKET } from "./live-latency.js";
import {
  measureRateFigure,
  measureTwoRouterFigure,
  rateMovers,
  type UnmeasuredFigure,
} from "./live-scale-figures.js";
import { type Mover, nearBoxesOf, nearMovers, pickMovers } from "./movers.js";
import { sleep } from "./paced.js";
import { type RunningServices, startServices } from "./services.js";
import { UPDATE_STAGES } from "./stage-plans.js";
import { stageWindow } from "./stage-window.js";
import {
  batchUnsupported,
  measureUpdateThroughput,
  type SkippedFigure,
  type UpdateMutation,
  type UpdateTarget,
  type UpdateThroughputFigure,
} from "./update-throughput.js";

/** The live figures run over the 100k city: subscriptions, not vendor count, are what they vary. */
export const LIVE_VENDORS = 100_000;
const MOVERS = 200;
const WARMUP_SECONDS = 2;
/** The services' `LIVE_WINDOW_SECONDS`, left at its default here. */
const LIVE_WINDOW_SECONDS = 120;
/**
 * Every subscriber socket comes from this one machine: room for the two-router figure's sockets
 * (500 at 50,000 subscriptions) many times over.
 */
const SOCKETS_PER_ADDRESS = 10_000;

export interface LiveResults {
  vendors: number;
  feed: { kind: LiveFeedChoice["kind"]; url?: string; reason?: string };
  latency: LiveLatencyFigure[];
  /** `--live-rates`: batched updates at each rate, 10,000 subscriptions. */
  rates: LiveLatencyFigure[];
  /** `--two-routers`: subscriptions split over two routers. */
  twoRouters: LiveLatencyFigure[];
  /** Figures of the two above that could not be measured, with what stopped them. */
  unmeasured: UnmeasuredFigure[];
  throughput: UpdateThroughputFigure[];
  skipped: SkippedFigure[];
}

/**
 * Latency first, throughput after: the throughput load moves thousands of vendors, which must
 * not be in flight (nor going OFFLINE) while latency is measured. One stack serves all; the
 * two-router figure adds its second router for itself only.
 */
export async function runLiveSuite(options: BenchOptions, dataSet: DataSet): Promise<LiveResults> {
  await waitForStalePositions(dataSet);
  const feed = await chooseLiveFeed();
  if (feed.kind === "embedded") console.error(feed.reason);
  const services = await startServices(dataSet.dir, {
    ...feed.env,
    MAX_SUBSCRIPTIONS_PER_CONNECTION: String(SUBSCRIPTIONS_PER_SOCKET),
    WS_MAX_SOCKETS_PER_IP: String(SOCKETS_PER_ADDRESS),
  });
  const results: LiveResults = {
    vendors: dataSet.vendors,
    feed:
      feed.kind === "redis" ? { kind: "redis", url: feed.url } : { kind: "embedded", reason: feed.reason },
    latency: [],
    rates: [],
    twoRouters: [],
    unmeasured: [],
    throughput: [],
    skipped: [],
  };
  try {
    const movers = pickMovers(dataSet.vendors, dataSet.seed, MOVERS);
    const moved: Mover[] = [...movers];
    const router = { url: services.graphql.router, headers: services.admin.router };
    for (const subscriptions of options.subscriptionCounts) {
      results.latency.push(
        await measureLiveLatency({
          vendors: dataSet.vendors,
          seed: dataSet.seed,
          routers: [router],
          subscriptions,
          movers,
          updateRate: options.updateRate,
          perRequest: 1,
          durationSeconds: options.durationSeconds,
          feed: feed.kind,
          stages: stageWindow(services.metrics, UPDATE_STAGES),
          label: `live latency, ${subscriptions} subscriptions`,
          description: [
            `${movers.length} vendors in the dense core each move a few meters per update, ≈${Math.round(subscriptions / movers.length)} subscriptions watch a ~1 km box around each; updates and subscriptions go through the router`,
          ],
        }),
      );
    }

    const scale = { dataSet, options, feed: feed.kind, router, services };
    for (const subscriptions of options.twoRouterSubscriptions) {
      const figure = await measureTwoRouterFigure({ ...scale, movers, subscriptions });
      if ("error" in figure) results.unmeasured.push(figure);
      else results.twoRouters.push(figure);
    }
    for (const rate of options.liveRates) {
      const rateMoved = rateMovers(dataSet, rate);
      moved.push(...rateMoved);
      const figure = await measureRateFigure({ ...scale, rate, movers: rateMoved });
      if ("error" in figure) results.unmeasured.push(figure);
      else results.rates.push(figure);
    }

    await measureThroughput(results, services, dataSet, options, nearLiveBoxes(moved));
  } finally {
    await services.stop();
  }
  return results;
}

/**
 * A data set's positions are recorded up to 90 s before it was generated. Served while they are
 * still live, location's sweeper announces every vendor OFFLINE as its position ages out, an event
 * for every subscription whose box holds it: hundreds per box downtown, millions at 50,000
 * subscriptions, in the middle of the figures (the first run after a generation showed it: p99
 * in seconds, sockets dropped). Started once they are stale, the sweeper begins past them.
 */
async function waitForStalePositions(dataSet: DataSet): Promise<void> {
  const staleAt = Date.parse(dataSet.generatedAt) + LIVE_WINDOW_SECONDS * 1000;
  const waitMs = staleAt - Date.now();
  if (waitMs <= 0) return;
  console.error(
    `live: waiting ${Math.ceil(waitMs / 1000)} s for the new data set's positions to leave the live window`,
  );
  await sleep(waitMs);
}

/** Whether a vendor could lie in any box of the latency figures, however many movers they used. */
function nearLiveBoxes(movers: readonly Mover[]) {
  const nearAny = nearBoxesOf(movers);
  return (point: GeoPoint) => nearMovers(point) || nearAny(point);
}

async function measureThroughput(
  results: LiveResults,
  services: RunningServices,
  dataSet: DataSet,
  options: BenchOptions,
  nearLive: (point: GeoPoint) => boolean,
): Promise<void> {
  // Through the router as an admin with a bearer token; straight to location with the identity
  // the router would have signed for that admin.
  const targets: [UpdateTarget, string, HeadersFor][] = [
    ["router", services.graphql.router, services.admin.router],
    ["location direct", services.graphql.location, services.admin.location],
  ];
  const mutations: UpdateMutation[] = ["updateVendorLocation", "updateVendorLocations ×100"];
  for (const mutation of mutations) {
    for (const [target, url, headers] of targets) {
      if (mutation !== "updateVendorLocation") {
        const reason = await batchUnsupported(url, headers, dataSet.vendors, dataSet.seed, nearLive);
        if (reason) {
          results.skipped.push({ target, mutation, reason });
          continue;
        }
      }
      results.throughput.push(
        await measureUpdateThroughput({
          vendors: dataSet.vendors,
          seed: dataSet.seed,
          target,
          url,
          headers,
          mutation,
          durationSeconds: options.durationSeconds,
          warmupSeconds: WARMUP_SECONDS,
          nearLiveBoxes: nearLive,
          stages: stageWindow(services.metrics, UPDATE_STAGES),
          processes: services.pids(),
        }),
      );
    }
  }
}
