import { parseBenchArgs } from "./args.js";
import { type DataSet, ensureDataSet } from "./data-set.js";
import type { Figure } from "./figure.js";
import { GOALS } from "./goals.js";
import { measureHttpNearby } from "./http-nearby.js";
import { queryCentres } from "./metro.js";
import { routerOverheads } from "./ratios.js";
import { machineInfo, writeResults } from "./results-file.js";
import { startServices } from "./services.js";
import { measureStoreNearby } from "./store-nearby.js";
import { formatTable } from "./table.js";

/** Distinct request bodies autocannon rotates through, so no answer is the same cached page. */
const HTTP_CENTRES = 64;
const WARMUP_SECONDS = 2;

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  const startedAt = new Date();
  const figures: Figure[] = [];
  const dataSets: DataSet[] = [];

  for (const vendors of options.vendorCounts) {
    const dataSet = await ensureDataSet(vendors, options.seed);
    dataSets.push(dataSet);
    console.error(
      `${vendors} vendors: ${dataSet.generatedNow ? "generated" : "reused, generated earlier"} in ${dataSet.generatedSeconds.toFixed(1)} s (${dataSet.dir})`,
    );
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
      figures.push(await measureHttpNearby({ ...load, target: "router", url: services.graphql.router }));
      figures.push(
        await measureHttpNearby({ ...load, target: "location direct", url: services.graphql.location }),
      );
    } finally {
      await services.stop();
    }
  }

  const overheads = routerOverheads(figures);
  const finishedAt = new Date();
  const machine = machineInfo();
  const path = writeResults(
    {
      benchmark: "nearby",
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      options,
      machine,
      goals: GOALS,
      dataSets: dataSets.map(({ vendors, seed, generatedSeconds, generatedNow }) => ({
        vendors,
        seed,
        generatedSeconds,
        generatedNow,
      })),
      figures,
      routerOverDirect: overheads,
    },
    finishedAt,
  );
  console.log(formatTable(figures, overheads));
  console.log(
    `\nHTTP: ${options.connections} connections for ${options.durationSeconds} s per target after a ${WARMUP_SECONDS} s warm-up.`,
  );
  // Closed-loop load: once a target saturates, latency is mostly queueing, not the query's own cost.
  console.log(
    `Each connection waits for its answer: with the default of 1 the figures are per-request latency; with more (--connections 10), a saturated target shows throughput, and latency ≈ connections ÷ RPS. Machine: ${machine.cpus} CPUs, Node ${machine.node}.`,
  );
  console.log(`Results: ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
