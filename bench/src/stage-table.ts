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
 * A split stage's rows with fewer samples than this share of the figure's busiest row are left out
 * of the table (the JSON keeps them): store calls of background pollers, a sweep, a stray request.
 */
const BACKGROUND_SHARE = 0.01;

/** The rows worth printing, and how many split rows were too few to be the figure's own work. */
function shown(stages: readonly StageFigure[]): { rows: StageFigure[]; hidden: number } {
  const busiest = Math.max(0, ...stages.map((figure) => figure.count));
  const rows = stages.filter((figure) => !figure.split || figure.count >= busiest * BACKGROUND_SHARE);
  return { rows, hidden: stages.length - rows.length };
}

/**
 * One compact table of every figure's stages: the figure's label on its first row only, then one
 * row per stage with its samples, mean and ≈p99 in milliseconds.
 */
export function formatStageTable(
  figures: readonly { label: string; stages?: StageBreakdown | undefined }[],
): string {
  const rows: string[][] = [];
  // Under the table, so a long note does not widen its columns.
  const notes: string[] = [];
  let hiddenRows = 0;
  for (const { label, stages } of figures) {
    if (!stages) continue;
    if (stages.unavailable) {
      notes.push(`  ${label}: no breakdown, ${stages.unavailable}`);
      continue;
    }
    const { rows: kept, hidden } = shown(stages.stages);
    hiddenRows += hidden;
    kept.forEach((figure, i) => {
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
  if (hiddenRows > 0)
    notes.push(
      `  left out: ${hiddenRows} split ${hiddenRows === 1 ? "row" : "rows"} under ${BACKGROUND_SHARE * 100}% of their figure's busiest row (background work: pollers, sweeps); the JSON has them`,
    );
  return [...table, ...notes].join("\n");
}
