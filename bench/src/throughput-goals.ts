import type { GoalCheck } from "./goals.js";
import type { ThroughputFigure } from "./throughput-figure.js";
import type { ThroughputQuery } from "./throughput-queries.js";

/**
 * Requests a second the router answered `nearby 50, names` with (100k vendors, 20 connections,
 * this 2-core machine) before the throughput work began: the figure the ≥ 4× goal is counted from.
 */
export const ROUTER_NEARBY_BASELINE_RPS = 225;
export const ROUTER_NEARBY_GOAL_FACTOR = 4;
/** Router p50 over location's own for a page location answers alone. */
export const ROUTER_OVER_DIRECT_MAX_P50 = 1.5;

export interface ThroughputGoal extends GoalCheck {
  /** The figures it was judged on, in words. */
  detail: string;
}

const find = (figures: readonly ThroughputFigure[], target: string, query: ThroughputQuery) =>
  figures.find((figure) => figure.target === target && figure.query === query);

/** An errored figure meets no goal: its speed may be that of failing fast. */
const clean = (...figures: (ThroughputFigure | undefined)[]) =>
  figures.every((f) => f !== undefined && f.errors === 0);

export function checkThroughputGoals(figures: readonly ThroughputFigure[]): ThroughputGoal[] {
  const goals: ThroughputGoal[] = [];

  const named = find(figures, "router", "nearby 50, names");
  const wanted = ROUTER_NEARBY_BASELINE_RPS * ROUTER_NEARBY_GOAL_FACTOR;
  goals.push({
    goal: `router nearby 50, names ≥ ${ROUTER_NEARBY_GOAL_FACTOR}× ${ROUTER_NEARBY_BASELINE_RPS}/s = ${wanted}/s`,
    met: named ? clean(named) && named.rps >= wanted : undefined,
    detail: named
      ? `${Math.round(named.rps)}/s, ×${(named.rps / ROUTER_NEARBY_BASELINE_RPS).toFixed(2)} the baseline`
      : "not measured",
  });

  const router = find(figures, "router", "nearby 5, location only");
  const direct = find(figures, "location direct", "nearby 5, location only");
  const ratio = router && direct ? router.latencyMs.p50 / direct.latencyMs.p50 : undefined;
  goals.push({
    goal: `router p50 ≤ ${ROUTER_OVER_DIRECT_MAX_P50}× direct, nearby 5, location only`,
    met: ratio === undefined ? undefined : clean(router, direct) && ratio <= ROUTER_OVER_DIRECT_MAX_P50,
    detail: ratio === undefined ? "not measured" : `×${ratio.toFixed(2)}`,
  });

  goals.push(stockLead(figures, "nearby 5, location only", "the gateway's own work bounds it"));
  goals.push(stockLead(figures, "nearby 50, names", "location and marketplace bound it"));
  return goals;
}

/** Whether the router answers `query` faster than every stock gateway measured on it. */
function stockLead(
  figures: readonly ThroughputFigure[],
  query: ThroughputQuery,
  why: string,
): ThroughputGoal {
  const ours = find(figures, "router", query);
  const stock = figures.filter(
    (f) => f.query === query && f.target !== "router" && f.target !== "location direct",
  );
  const leads = ours && stock.length > 0 ? stock.every((f) => ours.rps > f.rps) : undefined;
  return {
    goal: `router leads the stock gateways on ${query} (${why})`,
    met: leads === undefined || !ours ? undefined : clean(ours) && leads,
    detail:
      ours && stock.length > 0
        ? stock
            .map(
              (f) =>
                `×${(ours.rps / f.rps).toFixed(2)} ${f.target}${f.errors > 0 ? ` (${f.errors} errors)` : ""}`,
            )
            .join(", ")
        : "not measured",
  };
}
