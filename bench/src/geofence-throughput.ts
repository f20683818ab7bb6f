import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seededRandom } from "@venta/demo";
import { progressBar } from "@venta/kit";
import { type LocationStores, openLocationStores, trackingClock } from "@venta/location";
import { benchFences, FENCES, type FenceMix, fenceMix } from "./bench-fences.js";
import { placeFences } from "./fence-placement.js";
import { type LatencySummary, summarize } from "./figure.js";
import { benchVendors } from "./metro.js";
import { WIGGLE_METERS } from "./movers.js";
import { Fixes, type Movement, STEP_METERS } from "./vendor-fixes.js";

/** Vendors with a live position in the city at once; a share of them report during the run. */
export const GEOFENCE_VENDORS = 20_000;
export const REPORTING_VENDORS = 5_000;
/** Reports per `positionReports.record` call: a fleet gateway's batch, as `updateVendorLocations ×100`. */
export const GEOFENCE_BATCH = 100;
const LIVE_WINDOW_SECONDS = 120;
/** The outbox relay's batch (`startOutboxRelay`). */
const RELAY_BATCH = 500;

/**
 * Without fences driving comes first, so the vendors end parked at their pitches, where the fences
 * then find them; with fences parked comes first, and driving sets off from there.
 */
const WITHOUT_FENCES: readonly Movement[] = ["driving", "parked"];
const WITH_FENCES: readonly Movement[] = ["parked", "driving"];

export interface GeofenceThroughputFigure {
  fences: number;
  movement: Movement;
  vendors: number;
  reportingVendors: number;
  batchSize: number;
  seconds: number;
  updates: number;
  updatesPerSecond: number;
  /**
   * CPU time (user + system) this process spent per update. The rate also waits on the disk, which
   * on a shared machine swings a run by a third; the CPU a write costs is what a code change moves.
   */
  cpuMicrosPerUpdate: number;
  /** Per `positionReports.record` call of `batchSize` reports. */
  batchLatencyMs: LatencySummary;
  /** Fence crossings (ENTER and EXIT) the moves caused. */
  crossings: number;
  notes: string[];
}

export interface GeofenceSuiteResults {
  figures: GeofenceThroughputFigure[];
  /** Seconds spent creating the fences through the store (each placed through the positions index). */
  fenceSetupSeconds: number;
  /** Vendors inside fences right after they were created. */
  initialCrossings: number;
  fenceMix: FenceMix;
}

export interface GeofenceThroughputOptions {
  seed: number;
  durationSeconds: number;
  warmupSeconds: number;
}

/** What the outbox relay does to the database between batches: read the pending events, forget them. */
async function drainOutbox(stores: LocationStores): Promise<void> {
  for (;;) {
    const events = await stores.outbox.oldest(RELAY_BATCH);
    if (events.length === 0) return;
    await stores.outbox.remove(events.map((e) => e.id));
  }
}

async function measure(
  stores: LocationStores,
  fixes: Fixes,
  movement: Movement,
  listed: ReadonlySet<string>,
  fences: number,
  options: GeofenceThroughputOptions,
): Promise<GeofenceThroughputFigure> {
  const run = async (seconds: number, label: string) => {
    const samples: number[] = [];
    let crossings = 0;
    const progress = progressBar(label, seconds);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const until = started + seconds * 1000;
    let now = performance.now();
    while (now < until) {
      const at = new Date();
      const reports = fixes.batch(movement, GEOFENCE_BATCH, at);
      const before = performance.now();
      const recorded = await stores.positionReports.record(
        reports,
        listed,
        trackingClock(at, LIVE_WINDOW_SECONDS),
      );
      samples.push(performance.now() - before);
      for (const caused of recorded.crossings) crossings += caused.length;
      // The relay's reads and deletes share the database and the thread: they count in the rate.
      await drainOutbox(stores);
      now = performance.now();
      if (samples.length % 50 === 0) progress.update(Math.min(seconds, (now - started) / 1000));
    }
    progress.done();
    const cpu = process.cpuUsage(cpuBefore);
    return { samples, crossings, seconds: (now - started) / 1000, cpuMicros: cpu.user + cpu.system };
  };
  const label = `geofence evaluation, ${fences.toLocaleString("en-US")} fences, ${movement}`;
  await run(options.warmupSeconds, `${label} (warm-up)`);
  await drainOutbox(stores);
  const { samples, crossings, seconds, cpuMicros } = await run(options.durationSeconds, label);
  const updates = samples.length * GEOFENCE_BATCH;
  return {
    fences,
    movement,
    vendors: GEOFENCE_VENDORS,
    reportingVendors: REPORTING_VENDORS,
    batchSize: GEOFENCE_BATCH,
    seconds,
    updates,
    updatesPerSecond: updates / seconds,
    cpuMicrosPerUpdate: cpuMicros / updates,
    batchLatencyMs: summarize(samples),
    crossings,
    notes: [
      `store level, in-process, one batch at a time: positions, history, fence look-up and memberships, outbox events, one SQLite transaction per batch; after each batch the outbox relay's reads and deletes (publishing left out); ms/batch is the store's write alone`,
      `${REPORTING_VENDORS} vendors in turn; parked: within ${WIGGLE_METERS} m of their pitch; driving: ${STEP_METERS} m on from the last fix`,
    ],
  };
}

/**
 * Accepted position updates per second through the location store's write path with no fences,
 * then with `FENCES` over the bench city: the same vendors, the same moves, the same database.
 */
export async function measureGeofenceThroughput(
  options: GeofenceThroughputOptions,
): Promise<GeofenceSuiteResults> {
  const dir = mkdtempSync(join(tmpdir(), "venta-geofence-bench-"));
  // The public opener, so pragmas (WAL, cache size) and the outbox are exactly the service's.
  const stores = await openLocationStores({ DATA_DIR: dir });
  try {
    const vendors = [...benchVendors(GEOFENCE_VENDORS, options.seed)];
    const now = new Date();
    const loading = progressBar(`${GEOFENCE_VENDORS} vendors`, vendors.length);
    for (let i = 0; i < vendors.length; i += 1_000) {
      const slice = vendors.slice(i, i + 1_000);
      for (const vendor of slice)
        await stores.positions.applyVendor({
          vendorId: vendor.id,
          cuisines: vendor.cuisines,
          isOpen: vendor.isOpen,
          ownerId: vendor.ownerId,
          version: 1,
        });
      await stores.positions.recordMany(
        slice.map((vendor) => ({
          vendorId: vendor.id,
          ...vendor.point,
          accuracyMeters: 8,
          heading: null,
          recordedAt: now,
        })),
      );
      loading.update(i + slice.length);
    }
    loading.done();

    const reporting = vendors.slice(0, REPORTING_VENDORS);
    const listed = new Set(reporting.map((vendor) => vendor.id));
    const fixes = new Fixes(reporting, seededRandom(options.seed ^ 0x165667b1));
    const figures: GeofenceThroughputFigure[] = [];
    for (const movement of WITHOUT_FENCES)
      figures.push(await measure(stores, fixes, movement, listed, 0, options));

    const clock = trackingClock(new Date(), LIVE_WINDOW_SECONDS);
    const fences = benchFences({
      vendors,
      seed: options.seed,
      now: clock.now,
      // The store alone: the people need not exist anywhere else.
      person: (index) => `bench-person-${index}`,
    });
    const placed = await placeFences(stores, [...fences], clock);
    await drainOutbox(stores);

    for (const movement of WITH_FENCES)
      figures.push(await measure(stores, fixes, movement, listed, FENCES, options));
    return {
      figures,
      fenceSetupSeconds: placed.seconds,
      initialCrossings: placed.initialCrossings,
      fenceMix: fenceMix(),
    };
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
