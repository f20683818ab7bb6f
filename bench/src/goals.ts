import type { Figure, Target } from "./figure.js";

/** The product brief's latency goals, stated for the 1M-vendor city. */
export const GOALS: { target: Target; p95Ms: number; atVendors: number }[] = [
  { target: "store", p95Ms: 2, atVendors: 1_000_000 },
  { target: "router", p95Ms: 10, atVendors: 1_000_000 },
];

export interface GoalCheck {
  goal: string;
  /** Undefined when the figure is not at the size the goal speaks of. */
  met: boolean | undefined;
}

export function checkGoal(figure: Figure): GoalCheck | undefined {
  const goal = GOALS.find((g) => g.target === figure.target);
  if (!goal) return undefined;
  return {
    goal: `p95 ≤ ${goal.p95Ms} ms at ${goal.atVendors / 1_000_000}M`,
    met: figure.vendors === goal.atVendors ? figure.latencyMs.p95 <= goal.p95Ms : undefined,
  };
}
