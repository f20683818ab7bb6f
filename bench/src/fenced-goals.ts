import type { FencedFigure } from "./fenced-figure.js";
import type { GoalCheck } from "./goals.js";
import { count } from "./text-table.js";
import type { Movement } from "./vendor-fixes.js";

/**
 * The performance issue's update goals: batches of 100 through the router with 25,000 fences, the
 * outbox and every consumer running, none lost.
 */
export const FENCED_GOALS: Record<Movement, number> = { parked: 10_000, driving: 5_000 };
/** How long the outbox and the consumers get to catch up after a window before updates count as lost. */
export const DRAIN_TIMEOUT_SECONDS = 30;

export interface FencedGoalCheck extends GoalCheck {
  /** Why the goal was missed; empty when met. */
  reasons: string[];
}

export function checkFencedGoal(figure: FencedFigure): FencedGoalCheck {
  const target = FENCED_GOALS[figure.movement];
  const reasons: string[] = [];
  if (figure.updatesPerSecond < target)
    reasons.push(`${count(figure.updatesPerSecond)} updates/s is below ${count(target)}`);
  if (figure.errors > 0) reasons.push(`${count(figure.errors)} failed requests`);
  if (!figure.drain.drained)
    reasons.push(`not caught up ${DRAIN_TIMEOUT_SECONDS} s after the load: ${figure.drain.left}`);
  if (figure.lost > 0) reasons.push(`${count(figure.lost)} updates lost`);
  if (figure.deadLetters > 0) reasons.push(`${count(figure.deadLetters)} dead letters`);
  return {
    goal: `≥ ${count(target)} updates/s ${figure.movement} with fences, none lost`,
    met: reasons.length === 0,
    reasons,
  };
}
