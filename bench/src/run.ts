import { type BenchOptions, parseBenchArgs, SUITES } from "./args.js";
import { type DataSet, ensureDataSet } from "./data-set.js";
import type { Figure } from "./figure.js";
import { formatGeofenceTable } from "./geofence-table.js";
import { FENCES, type GeofenceSuiteResults, measureGeofenceThroughput } from "./geofence-throughput.js";
import { GOALS, LIVE_GOALS } from "./goals.js";
import { measureHttpNearby } from "./http-nearby.js";
import { LIVE_VENDORS, type LiveResults, runLiveSuite } from "./live-suite.js";
import { formatLatencyTable, formatThroughputTable } from "./live-table.js";
import { queryCentres } from "./metro.js";
import { routerOverheads } from "./ratios.js";
import { machineInfo, writeResults } from "./results-file.js";
import { startServices } from "./services.js";
import { measureStoreNearby } from "./store-nearby.js";
import { formatTable } from "./table.js";

/** Distinct request bodies autocannon rotates through, so no answer is the same cached page. */
const HTTP_CENTRES = 64;
const WARMUP_SECONDS = 2;

/** Each size's data set once per run, whichever figures ask for it first. */
function dataSets(options: BenchOptions) {
  const loaded = new Map<number, DataSet>();
  return {
    async get(vendors: number): Promise<DataSet> {
      const known = loaded.get(vendors);
      if (known) return known;
      const dataSet = await ensureDataSet(vendors, options.seed);
      loaded.set(vendors, dataSet);
      console.error(
        `${vendors} vendors: ${dataSet.generatedNow ? "generated" : "reused, generated earlier"} in ${dataSet.generatedSeconds.toFixed(1)} s (${dataSet.dir})`,
      );
      return dataSet;
    },
    all: () => [...loaded.values()],
  };
}

async function proximityFigures(options: BenchOptions, sets: ReturnType<typeof dataSets>): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const vendors of options.vendorCounts) {
    const dataSet = await sets.get(vendors);
    figures.push(await measureStoreNearby(dataSet));

    const services = await startServices(dataSet.dir);
    try {
      const centres = queryCentres(HTTP_CENTRES, options.seed);
      const load = {
        vendors,
        centres,
        durationSeconds: options.durationSeconds,
        connections: options.connections,
        warmupSeconds: WARMUP_SECONDS,
      };
      figures.push(
        await measureHttpNearby({
          ...load,
          target: "router",
          url: services.graphql.router,
          headers: () => ({}),
        }),
      );
      figures.push(
        await measureHttpNearby({
          ...load,
          target: "location direct",
          url: services.graphql.location,
          headers: services.admin.location,
        }),
      );
    } finally {
      await services.stop();
    }
  }
  return figures;
}

function printProximity(figures: readonly Figure[], options: BenchOptions, cpus: number): void {
  console.log(formatTable(figures, routerOverheads(figures)));
  console.log(
    `\nHTTP: ${options.connections} connections for ${options.durationSeconds} s per target after a ${WARMUP_SECONDS} s warm-up.`,
  );
  // Closed-loop load: once a target saturates, latency is mostly queueing, not the query's own cost.
  console.log(
    `Each connection waits for its answer: with the default of 1 the figures are per-request latency; with more (--connections 10), a saturated target shows throughput, and latency ≈ connections ÷ RPS. Machine: ${cpus} CPUs, Node ${process.version}.`,
  );
}

function printLive(live: LiveResults, options: BenchOptions): void {
  const feed = live.feed.kind === "redis" ? `live feed on Redis (${live.feed.url})` : live.feed.reason;
  console.log(
    `\nLive updates, ${live.vendors.toLocaleString("en-US")} vendors, ${feed}. Update → subscriber latency (${options.updateRate} updates/s for ${options.durationSeconds} s through the router):`,
  );
  console.log(formatLatencyTable(live.latency));
  for (const figure of live.latency) for (const note of figure.notes.slice(2)) console.log(`  ${note}`);
  console.log("\nAccepted location updates per second:");
  console.log(formatThroughputTable(live.throughput, live.skipped));
  for (const figure of live.throughput)
    for (const note of figure.notes.filter((n) => n.startsWith("errors")))
      console.log(`  ${figure.target}, ${figure.mutation}: ${note}`);
  for (const skip of live.skipped) console.log(`  skipped ${skip.mutation} → ${skip.target}: ${skip.reason}`);
}

function printGeofences(results: GeofenceSuiteResults): void {
  const { alertCircles, alertPolygons, vendorZones } = results.fenceMix;
  console.log(
    `\nLocation updates through fence evaluation (${FENCES.toLocaleString("en-US")} fences: ${alertCircles} alert circles, ${alertPolygons} alert polygons, ${vendorZones} vendor zones; placed one by one in ${results.fenceSetupSeconds.toFixed(1)} s, entering ${results.initialCrossings.toLocaleString("en-US")} vendor–fence pairs):`,
  );
  console.log(formatGeofenceTable(results));
  for (const note of results.figures[0]?.notes ?? []) console.log(`  ${note}`);
}

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  const startedAt = new Date();
  const sets = dataSets(options);
  const proximity = options.suites.includes("proximity");

  const figures = proximity ? await proximityFigures(options, sets) : [];
  const live = options.suites.includes("live")
    ? await runLiveSuite(options, await sets.get(LIVE_VENDORS))
    : undefined;
  const geofences = options.suites.includes("geofences")
    ? await measureGeofenceThroughput({
        seed: options.seed,
        durationSeconds: options.durationSeconds,
        warmupSeconds: WARMUP_SECONDS,
      })
    : undefined;

  const overheads = routerOverheads(figures);
  const finishedAt = new Date();
  const machine = machineInfo();
  const path = writeResults(
    {
      benchmark: "nearby",
      suites: options.suites,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      options,
      machine,
      goals: GOALS,
      liveGoals: LIVE_GOALS,
      dataSets: sets.all().map(({ vendors, seed, generatedSeconds, generatedNow }) => ({
        vendors,
        seed,
        generatedSeconds,
        generatedNow,
      })),
      figures,
      routerOverDirect: overheads,
      live,
      geofences,
    },
    finishedAt,
    options.suites.length === SUITES.length,
  );
  if (proximity) printProximity(figures, options, machine.cpus);
  if (live) printLive(live, options);
  if (geofences) printGeofences(geofences);
  console.log(`\nResults: ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
