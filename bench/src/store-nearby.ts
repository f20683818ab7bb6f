import { progressBar } from "@venta/kit";
import { openLocationStores } from "@venta/location";
import type { DataSet } from "./data-set.js";
import { type Figure, summarize } from "./figure.js";
import { queryCentres } from "./metro.js";

export interface StoreNearbyOptions {
  iterations: number;
  warmup: number;
}

export const RADIUS_METERS = 2000;
export const PAGE_SIZE = 20;

/** `nearby` called in-process on the SQLite store the location service would open, one query at a time. */
export async function measureStoreNearby(
  dataSet: DataSet,
  { iterations, warmup }: StoreNearbyOptions = { iterations: 5000, warmup: 500 },
): Promise<Figure> {
  // The public opener, so pragmas (cache size, WAL) are exactly the service's.
  const stores = await openLocationStores({ DATA_DIR: dataSet.dir });
  try {
    const centres = queryCentres(warmup + iterations, dataSet.seed);
    const samples: number[] = [];
    let edges = 0;
    const progress = progressBar(`store nearby, ${dataSet.vendors} vendors`, warmup + iterations);
    let started = 0;
    for (const [i, center] of centres.entries()) {
      if (i === warmup) started = performance.now();
      const before = performance.now();
      const page = await stores.positions.nearby({
        center,
        radiusMeters: RADIUS_METERS,
        first: PAGE_SIZE,
        filter: {},
      });
      const elapsed = performance.now() - before;
      if (i >= warmup) {
        samples.push(elapsed);
        edges += page.hits.length;
      }
      if ((i + 1) % 250 === 0) progress.update(i + 1);
    }
    const seconds = (performance.now() - started) / 1000;
    progress.done();
    return {
      vendors: dataSet.vendors,
      target: "store",
      requests: samples.length,
      seconds,
      rps: samples.length / seconds,
      latencyMs: summarize(samples),
      meanEdges: edges / samples.length,
      errors: 0,
      notes: ["in-process, one query at a time: RPS is single-thread throughput"],
    };
  } finally {
    await stores.close();
  }
}
