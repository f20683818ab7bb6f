import type { Figure } from "./figure.js";
import { checkGoal } from "./goals.js";
import type { RouterOverhead } from "./ratios.js";

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : "n/a");

/** The figures as one aligned text table: numbers right-aligned so they compare at a glance. */
export function formatTable(figures: readonly Figure[], overheads: readonly RouterOverhead[]): string {
  const header = [
    "vendors",
    "target",
    "RPS",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "router/direct",
    "goal",
    "edges",
    "errors",
  ];
  const rows = figures.map((figure) => {
    const overhead =
      figure.target === "router" ? overheads.find((o) => o.vendors === figure.vendors) : undefined;
    const goal = checkGoal(figure);
    return [
      figure.vendors.toLocaleString("en-US"),
      figure.target,
      Math.round(figure.rps).toLocaleString("en-US"),
      ms(figure.latencyMs.p50),
      ms(figure.latencyMs.p95),
      ms(figure.latencyMs.p99),
      overhead ? `p95 ×${overhead.p95.toFixed(2)}, RPS ×${overhead.rps.toFixed(2)}` : "",
      goal ? `${goal.goal}${goal.met === undefined ? "" : goal.met ? ": met" : ": MISSED"}` : "",
      figure.meanEdges.toFixed(1),
      String(figure.errors),
    ];
  });
  const leftAligned = new Set([1, 6, 7]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return leftAligned.has(column) ? cell.padEnd(width) : cell.padStart(width);
      })
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}
