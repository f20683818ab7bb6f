import { checkRateGoal, goalText } from "./goals.js";
import type { LiveLatencyFigure } from "./live-latency.js";
import type { UnmeasuredFigure } from "./live-scale-figures.js";
import { LATENCY_COLUMNS, latencyCells } from "./live-table.js";
import { alignedTable, count, ms } from "./text-table.js";

/** The latency columns, then the updates the batched and two-router figures had refused. */
const SHARED = [...LATENCY_COLUMNS, "refused updates"] as const;

function shared(figure: LiveLatencyFigure): string[] {
  return [
    ...latencyCells(figure),
    // Failed events and failed subscriptions; refused updates have their own column.
    count(figure.events.errors + figure.subscriptionFailures),
    count(figure.updates.errors),
  ];
}

/** The batched rows: one per `--live-rates` rate. */
export function formatRateTable(figures: readonly LiveLatencyFigure[]): string {
  const header = ["movers", "per request", ...SHARED, "client lag p99", "goal"];
  const rows = figures.map((figure) => [
    count(figure.movers),
    count(figure.updates.perRequest),
    ...shared(figure),
    `${ms(figure.clientLoopDelayMs.p99)} ms`,
    goalText(checkRateGoal(figure)),
  ]);
  return alignedTable(header, rows, new Set([4, header.length - 1]));
}

/** The two-router rows: one per `--two-routers` count, with each router's share of the events. */
export function formatTwoRouterTable(figures: readonly LiveLatencyFigure[]): string {
  const header = ["routers", ...SHARED, "events per router", "client lag p99", "goal"];
  const rows = figures.map((figure) => [
    count(figure.routers.length),
    ...shared(figure),
    figure.routers.map((router) => count(router.events.received)).join(" / "),
    `${ms(figure.clientLoopDelayMs.p99)} ms`,
    // The issue asks for this figure, not for a bound on it.
    "none stated",
  ]);
  return alignedTable(header, rows, new Set([3, header.length - 1]));
}

/** Each router of each figure: its share, its events, and what the window cost it. */
export function formatRouterTable(figures: readonly LiveLatencyFigure[]): string {
  const header = [
    "figure",
    "router",
    "subscriptions",
    "established",
    "held by router",
    "sockets held",
    "updates posted",
    "events received/expected",
    "missing",
    "p50 ms",
    "p99 ms",
    "fanned out",
    "CPU %",
    "CPU s",
    "RSS MiB",
    "loop lag p99 ms",
  ];
  const rows = figures.flatMap((figure) =>
    figure.routers.map((router, r) => [
      `${count(figure.subscriptions)} subs, ${count(figure.updates.targetPerSecond)}/s`,
      String(r + 1),
      count(router.subscriptions),
      count(router.established),
      // What the router itself counted at the end of the window, from its /metrics.
      router.usage ? count(router.usage.subscriptions) : "",
      router.usage ? count(router.usage.sockets) : "",
      count(router.updatesPosted),
      `${count(router.events.received)}/${count(router.events.expected)}`,
      count(router.events.missing),
      ms(router.latencyMs.p50),
      ms(router.latencyMs.p99),
      router.usage ? count(router.usage.fannedOut) : "",
      router.usage ? router.usage.cpuPercent.toFixed(0) : "",
      router.usage ? ((router.usage.cpuPercent / 100) * router.usage.windowSeconds).toFixed(1) : "",
      router.usage ? router.usage.residentMiB.toFixed(0) : "",
      router.usage ? ms(router.usage.loopLagP99Ms) : "",
    ]),
  );
  return alignedTable(header, rows, new Set([0]));
}

export const formatUnmeasured = (unmeasured: readonly UnmeasuredFigure[]): string =>
  unmeasured.map((u) => `  NOT MEASURED: ${u.figure}: ${u.error}`).join("\n");
