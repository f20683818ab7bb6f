import { checkLatencyGoal, checkThroughputGoal, goalText } from "./goals.js";
import type { LiveLatencyFigure } from "./live-latency.js";
import { alignedTable, count, cpuCell, ms } from "./text-table.js";
import type { SkippedFigure, UpdateThroughputFigure } from "./update-throughput.js";

/** The columns every live latency table shares, after the ones naming the row. */
export const LATENCY_COLUMNS = [
  "subscriptions",
  "sockets",
  "feed",
  "updates/s",
  "p50 ms",
  "p95 ms",
  "p99 ms",
  "max ms",
  "events received/expected",
  "missing",
  "errors",
] as const;

/** A figure's cells under `LATENCY_COLUMNS` up to "missing"; each table counts its errors its own way. */
export function latencyCells(figure: LiveLatencyFigure): string[] {
  return [
    count(figure.subscriptions),
    count(figure.sockets),
    figure.feed,
    count(figure.updates.perSecond),
    ms(figure.latencyMs.p50),
    ms(figure.latencyMs.p95),
    ms(figure.latencyMs.p99),
    ms(figure.latencyMs.max),
    `${count(figure.events.received)}/${count(figure.events.expected)}`,
    count(figure.events.missing),
  ];
}

/** Update → subscriber latency, one row per subscription count. */
export function formatLatencyTable(figures: readonly LiveLatencyFigure[]): string {
  const header = [...LATENCY_COLUMNS, "client lag p99", "goal"];
  const rows = figures.map((figure) => [
    ...latencyCells(figure),
    // Failed updates, failed events and failed subscriptions all spoil the figure alike.
    count(figure.updates.errors + figure.events.errors + figure.subscriptionFailures),
    `${ms(figure.clientLoopDelayMs.p99)} ms`,
    goalText(checkLatencyGoal(figure)),
  ]);
  return alignedTable(header, rows, new Set([2, 12]));
}

/** Accepted updates per second, one row per target and mutation; skipped rows say so. */
export function formatThroughputTable(
  figures: readonly UpdateThroughputFigure[],
  skipped: readonly SkippedFigure[],
): string {
  const header = [
    "target",
    "mutation",
    "req/s",
    "updates/s",
    "p50 ms",
    "p99 ms",
    "errors",
    "CPU µs/update: router / location / marketplace",
    "goal",
  ];
  const rows = [
    ...figures.map((figure) => [
      figure.target,
      figure.mutation,
      count(figure.requests / figure.seconds),
      count(figure.updatesPerSecond),
      ms(figure.latencyMs.p50),
      ms(figure.latencyMs.p99),
      count(figure.errors),
      cpuCell(figure.cpuMicrosPerUpdate, figure.target === "router" ? "router" : undefined),
      goalText(checkThroughputGoal(figure)),
    ]),
    ...skipped.map((skip) => [skip.target, skip.mutation, "", "", "", "", "", "", "skipped"]),
  ];
  return alignedTable(header, rows, new Set([0, 1, 8]));
}
