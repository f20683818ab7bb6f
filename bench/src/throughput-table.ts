import { goalText } from "./goals.js";
import { alignedTable, count, cpuCell, ms } from "./text-table.js";
import type { ThroughputFigure } from "./throughput-figure.js";
import type { ThroughputGoal } from "./throughput-goals.js";

/** RPS over the router's own `{ __typename }` RPS: comparable across machines, unlike RPS itself. */
export function ratioToRouterTypename(
  figure: ThroughputFigure,
  figures: readonly ThroughputFigure[],
): number {
  const baseline = figures.find((f) => f.target === "router" && f.query === "typename");
  return baseline ? figure.rps / baseline.rps : Number.NaN;
}

export function formatThroughputFigures(figures: readonly ThroughputFigure[]): string {
  const header = [
    "target",
    "query",
    "connections",
    "RPS",
    "p50 ms",
    "p99 ms",
    "errors",
    "÷ router typename RPS",
    "CPU µs/req: gateway / location / marketplace",
  ];
  const rows = figures.map((figure) => {
    const ratio = ratioToRouterTypename(figure, figures);
    return [
      figure.target,
      figure.query === "typename" ? "{ __typename }" : figure.query,
      String(figure.connections),
      count(figure.rps),
      ms(figure.latencyMs.p50),
      ms(figure.latencyMs.p99),
      count(figure.errors),
      Number.isFinite(ratio) ? ratio.toFixed(3) : "",
      cpuCell(figure.cpuMicrosPerRequest, figure.target === "location direct" ? undefined : figure.target),
    ];
  });
  return alignedTable(header, rows, new Set([0, 1]));
}

/** What the errors were, for the rows that had any. */
export function formatThroughputErrors(figures: readonly ThroughputFigure[]): string {
  return figures
    .filter((figure) => figure.errors > 0)
    .map(({ target, query, errorKinds: e }) => {
      const kinds = [
        e.timeouts > 0 ? `${count(e.timeouts)} timed out (no answer in 10 s)` : "",
        e.transport > 0 ? `${count(e.transport)} transport errors` : "",
        e.non2xx > 0 ? `${count(e.non2xx)} non-2xx answers` : "",
        e.graphql > 0 ? `${count(e.graphql)} GraphQL errors` : "",
      ].filter((kind) => kind !== "");
      return `  errors, ${target}, ${query}: ${kinds.join(", ")}`;
    })
    .join("\n");
}

export function formatThroughputGoals(goals: readonly ThroughputGoal[]): string {
  return goals.map((goal) => `  ${goalText(goal)} (${goal.detail})`).join("\n");
}
