import {
  type BenchOptions,
  BenchUsageError,
  connectionsFor,
  parseBenchArgs,
  SUITES,
  type Suite,
  USAGE,
  wantsHelp,
} from "./args.js";
import { FENCES } from "./bench-fences.js";
import { type DataSet, ensureDataSet } from "./data-set.js";
import type { FencedResults } from "./fenced-figure.js";
import { DRAIN_TIMEOUT_SECONDS, FENCED_GOALS } from "./fenced-goals.js";
import { runFencedSuite } from "./fenced-suite.js";
import { formatConsumerLines, formatCpuLines, formatFencedTable } from "./fenced-table.js";
import type { Figure } from "./figure.js";
import { formatGeofenceTable } from "./geofence-table.js";
import { type GeofenceSuiteResults, measureGeofenceThroughput } from "./geofence-throughput.js";
import { GOALS, LIVE_GOALS } from "./goals.js";
import { measureHttpNearby } from "./http-nearby.js";
import type { LiveLatencyFigure } from "./live-latency.js";
import {
  formatRateTable,
  formatRouterTable,
  formatTwoRouterTable,
  formatUnmeasured,
} from "./live-scale-table.js";
import { LIVE_VENDORS, type LiveResults, runLiveSuite } from "./live-suite.js";
import { formatLatencyTable, formatThroughputTable } from "./live-table.js";
import { queryCentres } from "./metro.js";
import { routerOverheads } from "./ratios.js";
import { machineInfo, writeResults } from "./results-file.js";
import type { RunResults } from "./run-results.js";
import {
  type GoalAcrossRuns,
  goalsAcrossRuns,
  runGoals,
  runSamples,
  type SummaryRow,
  summarizeRuns,
} from "./run-summary.js";
import { type ScratchCopy, withScratchCopy } from "./scratch-copy.js";
import { startServices } from "./services.js";
import type { StageBreakdown } from "./stage-breakdown.js";
import { QUERY_STAGES } from "./stage-plans.js";
import { formatStageTable, STAGE_HEADING } from "./stage-table.js";
import { stageWindow } from "./stage-window.js";
import { measureStoreNearby } from "./store-nearby.js";
import { formatGoalsAcrossRuns, formatSummaryTable } from "./summary-table.js";
import { formatTable } from "./table.js";
import { count } from "./text-table.js";
import type { ThroughputResults } from "./throughput-figure.js";
import {
  checkThroughputGoals,
  ROUTER_NEARBY_BASELINE_RPS,
  ROUTER_NEARBY_GOAL_FACTOR,
  ROUTER_OVER_DIRECT_MAX_P50,
} from "./throughput-goals.js";
import { THROUGHPUT_RADIUS_METERS } from "./throughput-queries.js";
import { runThroughputSuite, THROUGHPUT_VENDORS } from "./throughput-suite.js";
import {
  formatThroughputErrors,
  formatThroughputFigures,
  formatThroughputGoals,
} from "./throughput-table.js";

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

async function proximityFigures(
  options: BenchOptions,
  sets: ReturnType<typeof dataSets>,
  copies: RunResults["scratchCopies"],
): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const vendors of options.vendorCounts) {
    await withScratchCopy(await sets.get(vendors), async (dataSet, copy) => {
      copies.push({ suite: "proximity", ...copy });
      figures.push(await measureStoreNearby(dataSet));

      const services = await startServices(dataSet.dir);
      try {
        const centres = queryCentres(HTTP_CENTRES, options.seed);
        const load = {
          vendors,
          centres,
          durationSeconds: options.durationSeconds,
          connections: connectionsFor(options, "proximity"),
          warmupSeconds: WARMUP_SECONDS,
          processes: services.pids(),
        };
        figures.push(
          await measureHttpNearby({
            ...load,
            target: "router",
            url: services.graphql.router,
            headers: () => ({}),
            stages: stageWindow(services.metrics, QUERY_STAGES),
          }),
        );
        figures.push(
          await measureHttpNearby({
            ...load,
            target: "location direct",
            url: services.graphql.location,
            headers: services.admin.location,
            stages: stageWindow(services.metrics, QUERY_STAGES),
          }),
        );
      } finally {
        await services.stop();
      }
    });
  }
  return figures;
}

/** The selected suites once, each over a fresh scratch copy of its data set. */
async function runOnce(
  run: number,
  options: BenchOptions,
  sets: ReturnType<typeof dataSets>,
): Promise<RunResults> {
  const startedAt = new Date().toISOString();
  const scratchCopies: RunResults["scratchCopies"] = [];
  const copyFor =
    <T>(suite: Suite, measure: (dataSet: DataSet) => Promise<T>) =>
    (dataSet: DataSet, copy: ScratchCopy) => {
      scratchCopies.push({ suite, ...copy });
      return measure(dataSet);
    };
  const figures = options.suites.includes("proximity")
    ? await proximityFigures(options, sets, scratchCopies)
    : [];
  const live = options.suites.includes("live")
    ? await withScratchCopy(
        await sets.get(LIVE_VENDORS),
        copyFor("live", (dataSet) => runLiveSuite(options, dataSet)),
      )
    : undefined;
  // The geofence figures build their own small city in a temporary directory, removed afterwards.
  const geofences = options.suites.includes("geofences")
    ? await measureGeofenceThroughput({
        seed: options.seed,
        durationSeconds: options.durationSeconds,
        warmupSeconds: WARMUP_SECONDS,
      })
    : undefined;
  const fenced = options.suites.includes("fenced")
    ? await withScratchCopy(
        await sets.get(LIVE_VENDORS),
        copyFor("fenced", (dataSet) =>
          runFencedSuite(
            { durationSeconds: options.durationSeconds, warmupSeconds: WARMUP_SECONDS },
            dataSet,
          ),
        ),
      )
    : undefined;
  const throughput = options.suites.includes("throughput")
    ? await withScratchCopy(
        await sets.get(THROUGHPUT_VENDORS),
        copyFor("throughput", (dataSet) =>
          runThroughputSuite(
            { connections: connectionsFor(options, "throughput"), durationSeconds: options.durationSeconds },
            dataSet,
          ),
        ),
      )
    : undefined;
  return {
    run,
    startedAt,
    finishedAt: new Date().toISOString(),
    scratchCopies,
    figures,
    routerOverDirect: routerOverheads(figures),
    live,
    geofences,
    fenced,
    throughput,
  };
}

/** The breakdown by stage of the figures just printed, under their table; nothing when none has one. */
function printStages(figures: readonly { label: string; stages?: StageBreakdown | undefined }[]): void {
  const table = formatStageTable(figures);
  if (table) console.log(`\n${STAGE_HEADING}\n${table}`);
}

function printProximity(figures: readonly Figure[], options: BenchOptions, cpus: number): void {
  console.log(formatTable(figures, routerOverheads(figures)));
  printStages(figures.map((f) => ({ label: `${count(f.vendors)} vendors, ${f.target}`, stages: f.stages })));
  console.log(
    `\nHTTP: ${connectionsFor(options, "proximity")} connections for ${options.durationSeconds} s per target after a ${WARMUP_SECONDS} s warm-up.`,
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
  printStages(
    live.latency.map((f) => ({ label: `${count(f.subscriptions)} subscriptions`, stages: f.stages })),
  );
  printScaleFigures(live, options);
  console.log("\nAccepted location updates per second:");
  console.log(formatThroughputTable(live.throughput, live.skipped));
  for (const figure of live.throughput)
    for (const note of figure.notes.filter((n) => n.startsWith("errors")))
      console.log(`  ${figure.target}, ${figure.mutation}: ${note}`);
  for (const skip of live.skipped) console.log(`  skipped ${skip.mutation} → ${skip.target}: ${skip.reason}`);
  printStages(live.throughput.map((f) => ({ label: `${f.target}, ${f.mutation}`, stages: f.stages })));
}

/** The batched-rate and two-router figures, each table with its figures' notes, then their routers. */
function printScaleFigures(live: LiveResults, options: BenchOptions): void {
  const notesOf = (figure: LiveLatencyFigure) => {
    for (const note of figure.notes) console.log(`  ${note}`);
  };
  if (live.rates.length > 0) {
    console.log(
      `\nUpdate → subscriber latency at higher update rates, updates batched (${options.durationSeconds} s per row):`,
    );
    console.log(formatRateTable(live.rates));
    live.rates.forEach(notesOf);
  }
  if (live.twoRouters.length > 0) {
    console.log(
      `\nUpdate → subscriber latency over two routers (${options.updateRate} updates/s for ${options.durationSeconds} s):`,
    );
    console.log(formatTwoRouterTable(live.twoRouters));
    live.twoRouters.forEach(notesOf);
  }
  const figures = [...live.rates, ...live.twoRouters];
  if (figures.length > 0) {
    console.log("\nPer router, over each measured window (from its /metrics; CPU % of one core):");
    console.log(formatRouterTable(figures));
  }
  if (live.unmeasured.length > 0) console.log(formatUnmeasured(live.unmeasured));
}

function printGeofences(results: GeofenceSuiteResults): void {
  const { alertCircles, alertPolygons, vendorZones } = results.fenceMix;
  console.log(
    `\nLocation updates through fence evaluation (${FENCES.toLocaleString("en-US")} fences: ${alertCircles} alert circles, ${alertPolygons} alert polygons, ${vendorZones} vendor zones; placed one by one in ${results.fenceSetupSeconds.toFixed(1)} s, entering ${results.initialCrossings.toLocaleString("en-US")} vendor–fence pairs):`,
  );
  console.log(formatGeofenceTable(results));
  for (const note of results.figures[0]?.notes ?? []) console.log(`  ${note}`);
}

function printFenced(results: FencedResults, cpus: number): void {
  const { alertCircles, alertPolygons, vendorZones } = results.fenceMix;
  const feed =
    results.feed.kind === "redis" ? `bus and live feed on Redis (${results.feed.url})` : results.feed.reason;
  console.log(
    `\nupdateVendorLocations ×100 through the router, ${results.vendors.toLocaleString("en-US")} vendors, ${results.fences.toLocaleString("en-US")} fences (${alertCircles} alert circles, ${alertPolygons} alert polygons, ${vendorZones} vendor zones; placed before the services started in ${results.fenceSetupSeconds.toFixed(1)} s, ${results.initialCrossings} vendors inside at once), every consumer running, ${feed}:`,
  );
  if (results.skipped) {
    console.log(`  skipped: ${results.skipped}`);
    return;
  }
  console.log(formatFencedTable(results.figures));
  console.log(
    `  ${results.favorites.people} people favorited ${results.favorites.favorites} vendors in their alert circles first (${results.favorites.errors} refused); lost = accepted updates not consumed by every consumer group of the location stream after a wait of up to ${DRAIN_TIMEOUT_SECONDS} s`,
  );
  for (const line of formatConsumerLines(results.figures)) console.log(`  ${line}`);
  for (const line of formatCpuLines(results.figures, cpus)) console.log(`  ${line}`);
  for (const figure of results.figures)
    for (const note of figure.notes) console.log(`  ${figure.movement}: ${note}`);
}

function printThroughput(results: ThroughputResults, options: BenchOptions): void {
  console.log(
    `\nThroughput, ${results.vendors.toLocaleString("en-US")} vendors, ${connectionsFor(options, "throughput")} connections for ${options.durationSeconds} s per row after a ${WARMUP_SECONDS} s warm-up; nearby pages around downtown, ${THROUGHPUT_RADIUS_METERS / 1000} km:`,
  );
  console.log(formatThroughputFigures(results.figures));
  const errors = formatThroughputErrors(results.figures);
  if (errors) console.log(errors);
  console.log(formatThroughputGoals(checkThroughputGoals(results.figures)));
  printStages(results.figures.map((f) => ({ label: `${f.target}, ${f.query}`, stages: f.stages })));
}

function printRun(run: RunResults, options: BenchOptions, cpus: number): void {
  for (const copy of run.scratchCopies)
    console.log(
      `${copy.suite}: ran on ${copy.dir}, a copy of ${copy.source} made in ${copy.copySeconds.toFixed(1)} s and removed afterwards`,
    );
  if (options.suites.includes("proximity")) printProximity(run.figures, options, cpus);
  if (run.live) printLive(run.live, options);
  if (run.geofences) printGeofences(run.geofences);
  if (run.fenced) printFenced(run.fenced, cpus);
  if (run.throughput) printThroughput(run.throughput, options);
}

function printSummary(runs: readonly RunResults[]): { figures: SummaryRow[]; goals: GoalAcrossRuns[] } {
  const figures = summarizeRuns(runs.map(runSamples));
  const goals = goalsAcrossRuns(runs.map(runGoals));
  console.log(`\n=== Across ${runs.length} runs`);
  console.log(formatSummaryTable(figures));
  if (goals.length > 0) console.log(`\n${formatGoalsAcrossRuns(goals)}`);
  return { figures, goals };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (wantsHelp(argv)) {
    console.log(USAGE);
    return;
  }
  const options = parseBenchArgs(argv);
  const startedAt = new Date();
  const sets = dataSets(options);
  const machine = machineInfo();
  const runs: RunResults[] = [];
  let summary: ReturnType<typeof printSummary> | undefined;
  const report = () => ({
    benchmark: "nearby",
    suites: options.suites,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options,
    // `options.connections` is absent when each suite used its default.
    connections: {
      proximity: connectionsFor(options, "proximity"),
      throughput: connectionsFor(options, "throughput"),
    },
    machine,
    goals: GOALS,
    liveGoals: LIVE_GOALS,
    fencedGoals: { updatesPerSecond: FENCED_GOALS, drainTimeoutSeconds: DRAIN_TIMEOUT_SECONDS },
    throughputGoals: {
      routerNearbyBaselineRps: ROUTER_NEARBY_BASELINE_RPS,
      routerNearbyFactor: ROUTER_NEARBY_GOAL_FACTOR,
      routerOverDirectMaxP50: ROUTER_OVER_DIRECT_MAX_P50,
    },
    dataSets: sets.all().map(({ dir, vendors, seed, generatedSeconds, generatedNow }) => ({
      dir,
      vendors,
      seed,
      generatedSeconds,
      generatedNow,
    })),
    runs,
    summary,
  });

  let path = "";
  for (let run = 1; run <= options.repeat; run += 1) {
    if (options.repeat > 1) console.log(`\n=== Run ${run} of ${options.repeat}`);
    const results = await runOnce(run, options, sets);
    runs.push(results);
    printRun(results, options, machine.cpus);
    // Written after every run, so a failure in a later one keeps what the earlier ones measured.
    path = writeResults(report(), startedAt, false);
  }
  if (runs.length > 1) summary = printSummary(runs);
  path = writeResults(report(), startedAt, options.suites.length === SUITES.length);
  console.log(`\nResults: ${path}`);
}

main().catch((error: unknown) => {
  // A usage mistake is the caller's to fix: its message, not a stack.
  console.error(error instanceof BenchUsageError ? error.message : error);
  process.exitCode = error instanceof BenchUsageError ? 2 : 1;
});
