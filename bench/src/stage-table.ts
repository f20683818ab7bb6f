import type { StageBreakdown, StageFigure } from "./stage-breakdown.js";
import { alignedTable, count, ms } from "./text-table.js";

/** Printed above each breakdown: where its numbers come from. */
export const STAGE_HEADING =
  "By stage: each service's /metrics scraped right before and after each measured window; n samples, mean from the histograms' _sum/_count, ≈p99 interpolated in their buckets (≥: past the last bucket), – none:";

const NO_SAMPLES = "–";

function p99Text(figure: StageFigure): string {
  if (figure.p99Ms === null) return NO_SAMPLES;
  return `${figure.p99AtLeast ? "≥" : ""}${ms(figure.p99Ms)}`;
}

/**
 * One compact table of every figure's stages: the figure's label on its first row only, then one
 * row per stage with its samples, mean and ≈p99 in milliseconds.
 */
export function formatStageTable(
  figures: readonly { label: string; stages?: StageBreakdown | undefined }[],
): string {
  const rows: string[][] = [];
  // Under the table, so a long reason does not widen its columns.
  const missing: string[] = [];
  for (const { label, stages } of figures) {
    if (!stages) continue;
    if (stages.unavailable) {
      missing.push(`  ${label}: no breakdown, ${stages.unavailable}`);
      continue;
    }
    stages.stages.forEach((figure, i) => {
      rows.push([
        i === 0 ? label : "",
        figure.stage,
        figure.count > 0 ? count(figure.count) : NO_SAMPLES,
        figure.meanMs === null ? NO_SAMPLES : ms(figure.meanMs),
        p99Text(figure),
      ]);
    });
  }
  const table =
    rows.length > 0
      ? [alignedTable(["figure", "stage", "n", "mean ms", "≈p99 ms"], rows, new Set([0, 1]))]
      : [];
  return [...table, ...missing].join("\n");
}
