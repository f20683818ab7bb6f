import type { GeofenceSuiteResults } from "./geofence-throughput.js";
import { LIVE_GOALS } from "./goals.js";
import { alignedTable, count, ms } from "./text-table.js";

/** Updates per second through the location store's write path, with and without fences. */
export function formatGeofenceTable(results: GeofenceSuiteResults): string {
  const header = [
    "fences",
    "reporting vendors",
    "batch",
    "updates/s",
    "CPU µs/update",
    "p50 ms/batch",
    "p99 ms/batch",
    "crossings/s",
    "goal",
  ];
  const rows = results.figures.map((figure) => {
    const met = figure.updatesPerSecond >= LIVE_GOALS.acceptedUpdatesPerSecond;
    return [
      count(figure.fences),
      figure.movement,
      count(figure.batchSize),
      count(figure.updatesPerSecond),
      figure.cpuMicrosPerUpdate.toFixed(1),
      ms(figure.batchLatencyMs.p50),
      ms(figure.batchLatencyMs.p99),
      count(figure.crossings / figure.seconds),
      figure.fences > 0
        ? `≥ ${count(LIVE_GOALS.acceptedUpdatesPerSecond)} updates/s with fences: ${met ? "met" : "MISSED"}`
        : "",
    ];
  });
  return alignedTable(header, rows, new Set([1, 8]));
}
