import { checkFencedGoal } from "./fenced-goals.js";
import { checkLatencyGoal, checkRateGoal, type GoalCheck } from "./goals.js";
import type { RunResults } from "./run-results.js";
import { checkThroughputGoals } from "./throughput-goals.js";

/** One number one run gave for one figure. */
export interface Sample {
  figure: string;
  /** What was measured, with its unit: "RPS", "p99 ms". */
  metric: string;
  value: number;
}

/** A figure's spread across runs. */
export interface SummaryRow {
  figure: string;
  metric: string;
  min: number;
  median: number;
  max: number;
  /** Runs that gave this figure. */
  runs: number;
}

/** How often a goal was met across runs. */
export interface GoalAcrossRuns {
  goal: string;
  /** Per run, in order; undefined where the run did not judge it. */
  perRun: (boolean | undefined)[];
  /** True only when every run judged it and met it. */
  everyRun: boolean;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Min, median and max of each (figure, metric) over the runs, in the order figures first appeared. */
export function summarizeRuns(perRun: readonly (readonly Sample[])[]): SummaryRow[] {
  const groups = new Map<string, { figure: string; metric: string; values: number[] }>();
  for (const samples of perRun) {
    for (const { figure, metric, value } of samples) {
      const key = `${figure}\u0000${metric}`;
      let group = groups.get(key);
      if (!group) {
        group = { figure, metric, values: [] };
        groups.set(key, group);
      }
      // A figure without samples (NaN) says nothing of its spread.
      if (Number.isFinite(value)) group.values.push(value);
    }
  }
  return [...groups.values()].map(({ figure, metric, values }) => ({
    figure,
    metric,
    min: values.length > 0 ? Math.min(...values) : Number.NaN,
    median: median(values),
    max: values.length > 0 ? Math.max(...values) : Number.NaN,
    runs: values.length,
  }));
}

/** The numbers of one run worth comparing across runs. */
export function runSamples(run: RunResults): Sample[] {
  const samples: Sample[] = [];
  const add = (figure: string, metric: string, value: number) => samples.push({ figure, metric, value });
  for (const f of run.figures) {
    const name = `proximity ${f.target}, ${f.vendors.toLocaleString("en-US")} vendors`;
    add(name, "RPS", f.rps);
    add(name, "p50 ms", f.latencyMs.p50);
    add(name, "p95 ms", f.latencyMs.p95);
    add(name, "p99 ms", f.latencyMs.p99);
    add(name, "errors", f.errors);
  }
  for (const f of run.live?.latency ?? []) {
    const name = `live latency, ${f.subscriptions.toLocaleString("en-US")} subscriptions`;
    add(name, "p50 ms", f.latencyMs.p50);
    add(name, "p99 ms", f.latencyMs.p99);
    add(name, "missing events", f.events.missing);
    add(name, "errors", f.updates.errors + f.events.errors + f.subscriptionFailures);
  }
  for (const f of run.live?.rates ?? []) {
    const name = `live latency, ${f.subscriptions.toLocaleString("en-US")} subscriptions, ${f.updates.targetPerSecond.toLocaleString("en-US")} updates/s batched`;
    add(name, "p50 ms", f.latencyMs.p50);
    add(name, "p99 ms", f.latencyMs.p99);
    add(name, "missing events", f.events.missing);
    add(name, "errors", f.updates.errors + f.events.errors + f.subscriptionFailures);
  }
  for (const f of run.live?.twoRouters ?? []) {
    const name = `live latency, ${f.subscriptions.toLocaleString("en-US")} subscriptions over ${f.routers.length} routers`;
    add(name, "p50 ms", f.latencyMs.p50);
    add(name, "p99 ms", f.latencyMs.p99);
    add(name, "missing events", f.events.missing);
    add(name, "errors", f.updates.errors + f.events.errors + f.subscriptionFailures);
  }
  for (const f of run.live?.throughput ?? []) {
    const name = `live ${f.target}, ${f.mutation}`;
    add(name, "updates/s", f.updatesPerSecond);
    add(name, "p99 ms", f.latencyMs.p99);
    add(name, "errors", f.errors);
  }
  for (const f of run.geofences?.figures ?? []) {
    const name = `geofences ${f.fences.toLocaleString("en-US")} fences, ${f.movement}`;
    add(name, "updates/s", f.updatesPerSecond);
    add(name, "p99 ms/batch", f.batchLatencyMs.p99);
  }
  for (const f of run.fenced?.figures ?? []) {
    const name = `fenced ${f.fences.toLocaleString("en-US")} fences through the router, ${f.movement}`;
    add(name, "updates/s", f.updatesPerSecond);
    add(name, "p99 ms", f.latencyMs.p99);
    add(name, "drain s", f.drain.seconds);
    add(name, "lost", f.lost);
  }
  for (const f of run.throughput?.figures ?? []) {
    const name = `throughput ${f.target}, ${f.query}`;
    add(name, "RPS", f.rps);
    add(name, "p50 ms", f.latencyMs.p50);
    add(name, "p99 ms", f.latencyMs.p99);
    add(name, "errors", f.errors);
  }
  return samples;
}

/**
 * Each run's judged goals: live latency at 10k subscriptions (at each rate), updates with fences, and
 * the throughput goals.
 */
export function runGoals(run: RunResults): GoalCheck[] {
  const live = [
    ...(run.live?.latency ?? []).map(checkLatencyGoal),
    ...(run.live?.rates ?? []).map(checkRateGoal),
  ].filter((check) => check.met !== undefined);
  const fenced = (run.fenced?.figures ?? []).map((figure): GoalCheck => {
    const { goal, met } = checkFencedGoal(figure);
    return { goal, met };
  });
  const throughput = run.throughput ? checkThroughputGoals(run.throughput.figures) : [];
  return [...live, ...fenced, ...throughput];
}

/** Whether each goal was met in every run; a run that did not judge a goal counts against it. */
export function goalsAcrossRuns(perRun: readonly (readonly GoalCheck[])[]): GoalAcrossRuns[] {
  const names = [...new Set(perRun.flatMap((checks) => checks.map((check) => check.goal)))];
  return names.map((goal) => {
    const results = perRun.map((checks) => {
      const judged = checks.filter((check) => check.goal === goal && check.met !== undefined);
      return judged.length === 0 ? undefined : judged.every((check) => check.met === true);
    });
    return { goal, perRun: results, everyRun: results.every((met) => met === true) };
  });
}
