import type { BenchOptions } from "./args.js";
import type { HeadersFor } from "./bench-auth.js";
import type { DataSet } from "./data-set.js";
import { chooseLiveFeed, type LiveFeedChoice } from "./live-feed.js";
import { type LiveLatencyFigure, measureLiveLatency, SUBSCRIPTIONS_PER_SOCKET } from "./live-latency.js";
import { pickMovers } from "./movers.js";
import { startServices } from "./services.js";
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

export interface LiveResults {
  vendors: number;
  feed: { kind: LiveFeedChoice["kind"]; url?: string; reason?: string };
  latency: LiveLatencyFigure[];
  throughput: UpdateThroughputFigure[];
  skipped: SkippedFigure[];
}

/**
 * Latency first, throughput after: the throughput load moves thousands of vendors, which must
 * not be in flight (nor going OFFLINE) while latency is measured. One stack serves both.
 */
export async function runLiveSuite(options: BenchOptions, dataSet: DataSet): Promise<LiveResults> {
  const feed = await chooseLiveFeed();
  if (feed.kind === "embedded") console.error(feed.reason);
  const services = await startServices(dataSet.dir, {
    ...feed.env,
    MAX_SUBSCRIPTIONS_PER_CONNECTION: String(SUBSCRIPTIONS_PER_SOCKET),
    // Every subscriber socket comes from this one machine.
    WS_MAX_SOCKETS_PER_IP: "10000",
  });
  const results: LiveResults = {
    vendors: dataSet.vendors,
    feed:
      feed.kind === "redis" ? { kind: "redis", url: feed.url } : { kind: "embedded", reason: feed.reason },
    latency: [],
    throughput: [],
    skipped: [],
  };
  try {
    const movers = pickMovers(dataSet.vendors, dataSet.seed, MOVERS);
    for (const subscriptions of options.subscriptionCounts) {
      results.latency.push(
        await measureLiveLatency({
          vendors: dataSet.vendors,
          seed: dataSet.seed,
          url: services.graphql.router,
          headers: services.admin.router,
          subscriptions,
          movers,
          updateRate: options.updateRate,
          durationSeconds: options.durationSeconds,
          feed: feed.kind,
          stages: stageWindow(services.metrics, UPDATE_STAGES),
        }),
      );
    }

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
          const reason = await batchUnsupported(url, headers, dataSet.vendors, dataSet.seed);
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
            stages: stageWindow(services.metrics, UPDATE_STAGES),
          }),
        );
      }
    }
  } finally {
    await services.stop();
  }
  return results;
}
