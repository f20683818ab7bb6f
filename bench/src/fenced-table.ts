import type { FencedFigure } from "./fenced-figure.js";
import { checkFencedGoal } from "./fenced-goals.js";
import { goalText } from "./goals.js";
import { alignedTable, count, ms } from "./text-table.js";

/** One row per movement: throughput, latency per request, crossings, drain, losses and the goal. */
export function formatFencedTable(figures: readonly FencedFigure[]): string {
  const header = [
    "movement",
    "updates/s",
    "p50 ms/req",
    "p99 ms/req",
    "crossings/s",
    "drain s",
    "lost",
    "errors",
    "goal",
  ];
  const rows = figures.map((figure) => {
    const check = checkFencedGoal(figure);
    return [
      figure.movement,
      count(figure.updatesPerSecond),
      ms(figure.latencyMs.p50),
      ms(figure.latencyMs.p99),
      count(figure.crossingsPerSecond),
      figure.drain.drained ? figure.drain.seconds.toFixed(1) : `> ${figure.drain.seconds.toFixed(0)}`,
      count(figure.lost),
      count(figure.errors),
      check.met ? goalText(check) : `${goalText(check)} (${check.reasons.join("; ")})`,
    ];
  });
  return alignedTable(header, rows, new Set([0, 8]));
}

/** Per figure, each consumer group's share of the published position events. */
export function formatConsumerLines(figures: readonly FencedFigure[]): string[] {
  return figures.map((figure) => {
    const consumers = figure.consumers
      .map(
        (c) => `${c.consumer} ${count(c.consumed)}${c.missing > 0 ? ` (${count(c.missing)} missing)` : ""}`,
      )
      .join(", ");
    return `${figure.movement}: ${count(figure.acceptedUpdates)} accepted, ${count(figure.published)} published, consumed: ${consumers}`;
  });
}

/** Per figure, where the CPU went during the window. */
export function formatCpuLines(figures: readonly FencedFigure[], cores: number): string[] {
  return figures.flatMap((figure) => {
    if (!figure.cpuPercent) return [];
    const { machine, ...processes } = figure.cpuPercent;
    const parts = Object.entries(processes)
      .sort(([, a], [, b]) => b - a)
      .map(([name, percent]) => `${name} ${percent}%`);
    // What the machine spent beyond the watched processes: whatever else runs on it meanwhile.
    const watched = Object.values(processes).reduce((sum, percent) => sum + percent, 0);
    const others = Math.max(0, (machine ?? 0) - watched);
    return [
      `${figure.movement}: CPU (% of one core) ${parts.join(", ")}; machine ${machine}% of ${cores * 100}%, of which ${others}% other processes`,
    ];
  });
}
