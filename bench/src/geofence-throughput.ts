import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seededRandom } from "@venta/demo";
import { destinationPoint, type GeoPoint, greatCircleMeters } from "@venta/geo";
import { progressBar } from "@venta/kit";
import {
  type GeofenceRecord,
  type GeofenceShape,
  type LocationStores,
  MAX_GEOFENCES,
  openLocationStores,
  type PositionReport,
  trackingClock,
} from "@venta/location";
import { type LatencySummary, summarize } from "./figure.js";
import { type BenchVendor, benchVendors, metroPoint } from "./metro.js";
import { WIGGLE_METERS, wigglePoint } from "./movers.js";

/** Vendors with a live position in the city at once; a share of them report during the run. */
export const GEOFENCE_VENDORS = 20_000;
export const REPORTING_VENDORS = 5_000;
export const FENCES = 25_000;
/** Reports per `positionReports.record` call: a fleet gateway's batch, as `updateVendorLocations ×100`. */
export const GEOFENCE_BATCH = 100;
/** How far a reporting vendor drives between two reports: a truck in town every few seconds. */
const STEP_METERS = 25;
/** How far a reporting vendor strays from its start before it turns back. */
const ROAM_METERS = 2_000;
const LIVE_WINDOW_SECONDS = 120;
/** The outbox relay's batch (`startOutboxRelay`). */
const RELAY_BATCH = 500;

/**
 * Without fences driving comes first, so the vendors end parked at their pitches, where the fences
 * then find them; with fences parked comes first, and driving sets off from there.
 */
const WITHOUT_FENCES: readonly Movement[] = ["driving", "parked"];
const WITH_FENCES: readonly Movement[] = ["parked", "driving"];

/** The mix of fences, as shares of `FENCES`. */
const ALERT_CIRCLES = 0.6;
const ALERT_POLYGONS = 0.25;

export interface GeofenceThroughputFigure {
  fences: number;
  movement: Movement;
  vendors: number;
  reportingVendors: number;
  batchSize: number;
  seconds: number;
  updates: number;
  updatesPerSecond: number;
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
  fenceMix: { alertCircles: number; alertPolygons: number; vendorZones: number };
}

export interface GeofenceThroughputOptions {
  seed: number;
  durationSeconds: number;
  warmupSeconds: number;
}

/** A star-shaped ring around `center`: vertices at sorted angles, so its edges never cross. */
function starPolygon(center: GeoPoint, radiusMeters: number, random: () => number): GeofenceShape {
  const vertices = 5 + Math.floor(random() * 8);
  const ring = Array.from({ length: vertices }, (_, i) => {
    const bearing = ((i + 0.2 + random() * 0.6) * 360) / vertices;
    return destinationPoint(center, bearing, radiusMeters * (0.55 + random() * 0.45));
  });
  return { type: "POLYGON", ring };
}

/**
 * The fences: alert circles (150 m to 1 km) and polygons (200 to 800 m across each way) centred
 * like the city's people, dense downtown, owned 10 to a person; and vendor zones (50 to 250 m)
 * around vendors' starting pitches.
 */
export function* benchFences(
  vendors: readonly BenchVendor[],
  seed: number,
  now: Date,
): Generator<GeofenceRecord> {
  const random = seededRandom(seed ^ 0x27d4eb2f);
  const alertCircles = Math.round(FENCES * ALERT_CIRCLES);
  const alertPolygons = Math.round(FENCES * ALERT_POLYGONS);
  for (let n = 0; n < FENCES; n += 1) {
    const base = {
      id: randomUUID(),
      name: `bench fence ${n}`,
      roaming: false,
      createdAt: now,
      updatedAt: now,
    };
    if (n < alertCircles + alertPolygons) {
      const center = metroPoint(random);
      const shape: GeofenceShape =
        n < alertCircles
          ? { type: "CIRCLE", center, radiusMeters: 150 + random() * 850 }
          : starPolygon(center, 200 + random() * 600, random);
      yield { ...base, kind: "ALERT_ZONE", ownerId: `bench-person-${Math.floor(n / 10)}`, shape };
    } else {
      const vendor = vendors[Math.floor(random() * vendors.length)] as BenchVendor;
      yield {
        ...base,
        kind: "VENDOR_ZONE",
        ownerId: vendor.id,
        shape: { type: "CIRCLE", center: vendor.point, radiusMeters: 50 + random() * 200 },
      };
    }
  }
}

/** How the reporting vendors move between two fixes. */
export type Movement = "parked" | "driving";

/**
 * The reporting vendors' next fixes, each vendor in turn. Parked: a few meters around where the
 * vendor stands, as the HTTP update figures report (most trucks sell standing still). Driving: each
 * goes `STEP_METERS` on along a heading that drifts, turning back `ROAM_METERS` from its start so the
 * density around it stays the city's; in a downtown thick with fences this crosses one about every fix.
 */
export class Fixes {
  private readonly at: GeoPoint[];
  private readonly heading: number[];
  private readonly steps: number[];
  private next = 0;

  constructor(
    private readonly vendors: readonly BenchVendor[],
    private readonly random: () => number,
  ) {
    this.at = vendors.map((v) => v.point);
    this.heading = vendors.map(() => random() * 360);
    this.steps = vendors.map(() => 0);
  }

  batch(movement: Movement, size: number, recordedAt: Date): PositionReport[] {
    const reports: PositionReport[] = [];
    for (let i = 0; i < size; i += 1) {
      const index = this.next;
      this.next = (this.next + 1) % this.vendors.length;
      const vendor = this.vendors[index] as BenchVendor;
      const step = (this.steps[index] as number) + 1;
      this.steps[index] = step;
      let heading = this.heading[index] as number;
      let point: GeoPoint;
      if (movement === "parked") point = wigglePoint(vendor.point, step);
      else {
        heading = (heading + (this.random() - 0.5) * 40 + 360) % 360;
        if (greatCircleMeters(this.at[index] as GeoPoint, vendor.point) > ROAM_METERS)
          heading = (heading + 180) % 360;
        this.heading[index] = heading;
        point = destinationPoint(this.at[index] as GeoPoint, heading, STEP_METERS);
      }
      this.at[index] = point;
      reports.push({ vendorId: vendor.id, ...point, accuracyMeters: 8, heading, recordedAt });
    }
    return reports;
  }
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
    return { samples, crossings, seconds: (now - started) / 1000 };
  };
  const label = `geofence evaluation, ${fences.toLocaleString("en-US")} fences, ${movement}`;
  await run(options.warmupSeconds, `${label} (warm-up)`);
  await drainOutbox(stores);
  const { samples, crossings, seconds } = await run(options.durationSeconds, label);
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

    const placing = progressBar(`${FENCES} fences`, FENCES);
    const started = performance.now();
    let initialCrossings = 0;
    let made = 0;
    const clock = trackingClock(new Date(), LIVE_WINDOW_SECONDS);
    for (const fence of benchFences(vendors, options.seed, clock.now)) {
      const written = await stores.geofences.create(fence, MAX_GEOFENCES[fence.kind], clock);
      if (!written) throw new Error(`bench fence ${fence.id} was refused`);
      initialCrossings += written.transitions.length;
      if (++made % 1_000 === 0) placing.update(made);
    }
    placing.done();
    const fenceSetupSeconds = (performance.now() - started) / 1000;
    await drainOutbox(stores);

    for (const movement of WITH_FENCES)
      figures.push(await measure(stores, fixes, movement, listed, FENCES, options));
    return {
      figures,
      fenceSetupSeconds,
      initialCrossings,
      fenceMix: {
        alertCircles: Math.round(FENCES * ALERT_CIRCLES),
        alertPolygons: Math.round(FENCES * ALERT_POLYGONS),
        vendorZones: FENCES - Math.round(FENCES * ALERT_CIRCLES) - Math.round(FENCES * ALERT_POLYGONS),
      },
    };
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
