import type { GoalAcrossRuns, SummaryRow } from "./run-summary.js";
import { alignedTable, count, ms } from "./text-table.js";

const value = (metric: string, n: number) => (metric.includes("ms") ? ms(n) : count(n));

/** Each figure's min / median / max across the runs. */
export function formatSummaryTable(rows: readonly SummaryRow[]): string {
  const header = ["figure", "metric", "min", "median", "max", "runs"];
  return alignedTable(
    header,
    rows.map((row) => [
      row.figure,
      row.metric,
      value(row.metric, row.min),
      value(row.metric, row.median),
      value(row.metric, row.max),
      String(row.runs),
    ]),
    new Set([0, 1]),
  );
}

const verdict = (met: boolean | undefined) => (met === undefined ? "not judged" : met ? "met" : "MISSED");

export function formatGoalsAcrossRuns(goals: readonly GoalAcrossRuns[]): string {
  return goals
    .map(
      (goal) =>
        `  ${goal.goal}: ${goal.everyRun ? "met in every run" : "NOT met in every run"} (${goal.perRun
          .map((met, i) => `run ${i + 1} ${verdict(met)}`)
          .join(", ")})`,
    )
    .join("\n");
}
