import type { Figure } from "./figure.js";
import { checkGoal, goalText } from "./goals.js";
import type { RouterOverhead } from "./ratios.js";
import { alignedTable, count, cpuCell, ms } from "./text-table.js";

/** The proximity figures as one aligned text table. */
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
    "CPU µs/req: router / location / marketplace",
  ];
  const rows = figures.map((figure) => {
    const overhead =
      figure.target === "router" ? overheads.find((o) => o.vendors === figure.vendors) : undefined;
    const goal = checkGoal(figure);
    return [
      count(figure.vendors),
      figure.target,
      count(figure.rps),
      ms(figure.latencyMs.p50),
      ms(figure.latencyMs.p95),
      ms(figure.latencyMs.p99),
      overhead ? `p95 ×${overhead.p95.toFixed(2)}, RPS ×${overhead.rps.toFixed(2)}` : "",
      goal ? goalText(goal) : "",
      figure.meanEdges.toFixed(1),
      String(figure.errors),
      cpuCell(figure.cpuMicrosPerRequest, figure.target === "router" ? "router" : undefined),
    ];
  });
  return alignedTable(header, rows, new Set([1, 6, 7]));
}
