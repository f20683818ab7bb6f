import { demoId, seededRandom } from "@venta/demo";
import { RedisEventBus } from "@venta/events";
import { createLogger } from "@venta/kit";
import { openLocationStores, trackingClock } from "@venta/location";
import { favoritesInZones } from "./alert-favorites.js";
import { postBatches } from "./batch-load.js";
import { alertZoneOwners, benchFences, FENCES, fenceMix } from "./bench-fences.js";
import type { DataSet } from "./data-set.js";
import { type Backlog, consumersBehind, describeBacklog, waitForDrain } from "./drain.js";
import { lostUpdates } from "./event-ledger.js";
import { RedisEventLedger } from "./event-ledger.redis.js";
import { placeFences } from "./fence-placement.js";
import type { FencedFigure, FencedResults } from "./fenced-figure.js";
import { DRAIN_TIMEOUT_SECONDS } from "./fenced-goals.js";
import { summarize } from "./figure.js";
import { GEOFENCE_BATCH, GEOFENCE_VENDORS, REPORTING_VENDORS } from "./geofence-throughput.js";
import { chooseLiveFeed } from "./live-feed.js";
import { metricSamples } from "./metrics-text.js";
import { type BenchVendor, benchVendors, ownerCount } from "./metro.js";
import { WIGGLE_METERS } from "./movers.js";
import { postFavorites } from "./post-favorites.js";
import { cpuShares, readCpu } from "./process-cpu.js";
import { type RunningServices, startServices } from "./services.js";
import { BATCH_UPDATE_MUTATION, UPDATE_CONNECTIONS } from "./update-throughput.js";
import { Fixes, type Movement, STEP_METERS } from "./vendor-fixes.js";

/** Parked first, as the store figure has it: driving then sets off from the pitches. */
const MOVEMENTS: readonly Movement[] = ["parked", "driving"];
/** Location's default `LIVE_WINDOW_SECONDS`: how long a position counts as live. */
const LIVE_WINDOW_SECONDS = 120;
const SUBGRAPHS = ["marketplace", "location", "communication"] as const;
/** A bound on the first round of fixes, which ends after one batch per `GEOFENCE_BATCH` reporting vendors. */
const FIRST_ROUND_LIMIT_SECONDS = 120;
/** Each look scrapes three services' metrics: a few a second measure the drain closely enough. */
const DRAIN_LOOK_MS = 250;

export interface FencedOptions {
  durationSeconds: number;
  warmupSeconds: number;
}

/** The data set's first vendors: the same pitches (same seed) as the store figure's city. */
function firstVendors(dataSet: DataSet, count: number): BenchVendor[] {
  const vendors: BenchVendor[] = [];
  for (const vendor of benchVendors(dataSet.vendors, dataSet.seed)) {
    if (vendors.length === count) break;
    vendors.push(vendor);
  }
  return vendors;
}

/**
 * Events waiting in the subgraphs' outboxes, from their `/metrics`, and consumers behind on the bus.
 * A page that cannot be read leaves the backlog unknown (the wait goes on), with the reason.
 */
async function backlogOf(services: RunningServices, bus: RedisEventBus): Promise<Backlog> {
  const outboxes: Record<string, number> = {};
  const unknown: string[] = [];
  for (const subgraph of SUBGRAPHS) {
    try {
      const page = await (await fetch(services.metrics[subgraph])).text();
      outboxes[subgraph] = metricSamples(page, "venta_outbox_depth").reduce((sum, s) => sum + s.value, 0);
    } catch (error) {
      console.error(
        `${subgraph} did not answer on /metrics; its last lines:\n${services.logs(subgraph).slice(-20).join("\n")}`,
      );
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
      unknown.push(`${subgraph} metrics unreadable (${String(error)}${cause})`);
    }
  }
  return { outboxes, behind: consumersBehind(await bus.stats()), unknown };
}

async function deadLettersByConsumer(bus: RedisEventBus): Promise<Map<string, number>> {
  return new Map((await bus.stats()).map((stats) => [stats.consumer, stats.deadLetters]));
}

/**
 * `updateVendorLocations ×100` through the router over the 100k city with `FENCES` fences placed
 * before the services start, parked and then driving; after each window the outbox and every
 * consumer get a bounded wait to catch up, and the updates accepted are matched against the
 * position events published and consumed.
 */
export async function runFencedSuite(options: FencedOptions, dataSet: DataSet): Promise<FencedResults> {
  const feed = await chooseLiveFeed();
  const results: FencedResults = {
    vendors: dataSet.vendors,
    feed:
      feed.kind === "redis" ? { kind: "redis", url: feed.url } : { kind: "embedded", reason: feed.reason },
    fences: FENCES,
    fenceMix: fenceMix(),
    fenceSetupSeconds: 0,
    initialCrossings: 0,
    favorites: { people: 0, favorites: 0, errors: 0 },
    figures: [],
  };
  if (feed.kind !== "redis") {
    // The counts read the Redis streams the services publish on; the embedded bus has none.
    results.skipped = `${feed.reason}; the fenced figures count events on the Redis bus`;
    return results;
  }
  if (alertZoneOwners() > ownerCount(dataSet.vendors))
    throw new Error(`the ${dataSet.vendors} vendors' city has too few people to own ${FENCES} fences`);

  const vendors = firstVendors(dataSet, GEOFENCE_VENDORS);
  const reporting = vendors.slice(0, REPORTING_VENDORS);
  const reportingIds = new Set(reporting.map((vendor) => vendor.id));
  const clock = trackingClock(new Date(), LIVE_WINDOW_SECONDS);
  // Alert zones belong to the data set's people (its vendors' owners), vendor zones to its vendors.
  const fences = [
    ...benchFences({
      vendors,
      seed: dataSet.seed,
      now: clock.now,
      person: (index) => demoId("user", index + 1),
    }),
  ];
  // The location package's own stores on the scratch copy, closed before the services open it.
  const stores = await openLocationStores({ DATA_DIR: dataSet.dir });
  try {
    const placed = await placeFences(stores, fences, clock);
    results.fenceSetupSeconds = placed.seconds;
    results.initialCrossings = placed.initialCrossings;
  } finally {
    await stores.close();
  }

  const services = await startServices(dataSet.dir, feed.env);
  // Read only for its stats; trimming the streams is the services' business.
  const bus = new RedisEventBus(
    feed.url,
    createLogger("bench", { level: "error", format: "json" }),
    undefined,
    {
      retentionIntervalMs: 0,
    },
  );
  const ledger = new RedisEventLedger(feed.url);
  const drain = () =>
    waitForDrain(() => backlogOf(services, bus), DRAIN_TIMEOUT_SECONDS * 1000, DRAIN_LOOK_MS);
  try {
    const favorites = favoritesInZones(fences, reporting);
    results.favorites = {
      people: favorites.size,
      favorites: [...favorites.values()].reduce((sum, ids) => sum + ids.length, 0),
      errors: await postFavorites(services.graphql.router, services.customer, favorites),
    };
    const settled = await drain();
    if (!settled.drained)
      console.error(`not caught up before the figures: ${describeBacklog(settled.backlog)}`);

    const fixes = new Fixes(reporting, seededRandom(dataSet.seed ^ 0x165667b1));
    const load = (movement: Movement, seconds: number, label: string, maxRequests?: number) =>
      postBatches({
        url: services.graphql.router,
        headers: services.admin.router,
        // No recordedAt: the server stamps each fix as it arrives, as for most devices.
        nextBody: () =>
          JSON.stringify({
            query: BATCH_UPDATE_MUTATION,
            variables: {
              inputs: fixes
                .batch(movement, GEOFENCE_BATCH, new Date())
                .map(({ vendorId, lat, lng, accuracyMeters, heading }) => ({
                  vendorId,
                  lat,
                  lng,
                  accuracyMeters,
                  heading,
                })),
            },
          }),
        perRequest: GEOFENCE_BATCH,
        connections: UPDATE_CONNECTIONS,
        seconds,
        maxRequests,
        label,
      });
    // Every reporting vendor's first fix, before any window: the data set's positions are no longer
    // live, so a first fix enters every fence around the pitch (about 20 downtown). Parked then
    // measures vendors standing in their fences, as the store figure does, not those entries.
    const firstRound = await load(
      "parked",
      FIRST_ROUND_LIMIT_SECONDS,
      "first fixes",
      REPORTING_VENDORS / GEOFENCE_BATCH,
    );
    if (firstRound.errors > 0)
      console.error(`first fixes: ${firstRound.errors} refused, e.g. ${firstRound.errorSample}`);
    const entered = await drain();
    if (!entered.drained)
      console.error(`not caught up after the first fixes: ${describeBacklog(entered.backlog)}`);

    for (const movement of MOVEMENTS) {
      const label = `updateVendorLocations ×${GEOFENCE_BATCH} → router, ${FENCES.toLocaleString("en-US")} fences, ${movement}`;
      await load(movement, options.warmupSeconds, `${label} (warm-up)`);
      const warm = await drain();
      if (!warm.drained)
        console.error(`${movement}: not caught up after the warm-up: ${describeBacklog(warm.backlog)}`);

      const deadBefore = await deadLettersByConsumer(bus);
      const mark = await ledger.mark();
      const redisPid = await ledger.serverPid();
      const pids = { ...services.pids(), bench: process.pid, ...(redisPid ? { redis: redisPid } : {}) };
      const cpuBefore = readCpu(pids);
      const run = await load(movement, options.durationSeconds, label);
      const cpuAfter = readCpu(pids);
      const after = await drain();
      const deadAfter = await deadLettersByConsumer(bus);
      const deadLetters = new Map(
        [...deadAfter].map(([consumer, dead]) => [consumer, dead - (deadBefore.get(consumer) ?? 0)]),
      );
      const { events, consumers } = await ledger.window(mark, reportingIds, deadLetters);
      const published = events.positions.length;
      const notes = [
        `${UPDATE_CONNECTIONS} connections, each sending its next batch of ${GEOFENCE_BATCH} when the last is answered; ${REPORTING_VENDORS} vendors in turn; parked: within ${WIGGLE_METERS} m of their pitch; driving: ${STEP_METERS} m on from the last fix`,
      ];
      if (published > run.accepted)
        notes.push(
          `${published - run.accepted} more position events than accepted updates (requests that timed out on the client, or another publisher)`,
        );
      if (run.errorSample) notes.push(`errors, e.g. ${run.errorSample}`);
      const figure: FencedFigure = {
        movement,
        fences: FENCES,
        reportingVendors: REPORTING_VENDORS,
        batchSize: GEOFENCE_BATCH,
        connections: UPDATE_CONNECTIONS,
        seconds: run.seconds,
        requests: run.requests,
        acceptedUpdates: run.accepted,
        updatesPerSecond: run.accepted / run.seconds,
        errors: run.errors,
        latencyMs: summarize(run.samples),
        crossings: events.crossings,
        crossingsPerSecond: events.crossings / run.seconds,
        published,
        otherEvents: events.other,
        consumers,
        drain: { drained: after.drained, seconds: after.seconds, left: describeBacklog(after.backlog) },
        lost: lostUpdates(run.accepted, published, consumers),
        deadLetters: [...deadLetters.values()].reduce((sum, dead) => sum + Math.max(0, dead), 0),
        cpuPercent: cpuBefore && cpuAfter ? cpuShares(cpuBefore, cpuAfter, run.seconds) : undefined,
        notes,
      };
      results.figures.push(figure);
    }
  } finally {
    await ledger.close();
    await bus.close();
    await services.stop();
  }
  return results;
}
