import { describe, expect, it } from "vitest";
import type { GoalCheck } from "./goals.js";
import { goalsAcrossRuns, median, summarizeRuns } from "./run-summary.js";

describe("median", () => {
  it("is the middle value of an odd count and the mean of the middle two of an even one", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe("summarizeRuns", () => {
  it("gives each figure's min, median and max across runs, in the order figures first appeared", () => {
    const rows = summarizeRuns([
      [
        { figure: "router", metric: "RPS", value: 900 },
        { figure: "router", metric: "p50 ms", value: 20 },
      ],
      [
        { figure: "router", metric: "RPS", value: 1_100 },
        { figure: "router", metric: "p50 ms", value: 18 },
      ],
      [
        { figure: "router", metric: "RPS", value: 1_000 },
        { figure: "router", metric: "p50 ms", value: 25 },
      ],
    ]);
    expect(rows).toEqual([
      { figure: "router", metric: "RPS", min: 900, median: 1_000, max: 1_100, runs: 3 },
      { figure: "router", metric: "p50 ms", min: 18, median: 20, max: 25, runs: 3 },
    ]);
  });

  it("counts only the runs that gave a figure, and leaves out figures without samples", () => {
    const rows = summarizeRuns([
      [{ figure: "live", metric: "p99 ms", value: Number.NaN }],
      [{ figure: "live", metric: "p99 ms", value: 120 }],
      [],
    ]);
    expect(rows).toEqual([{ figure: "live", metric: "p99 ms", min: 120, median: 120, max: 120, runs: 1 }]);
  });
});

describe("goalsAcrossRuns", () => {
  const check = (goal: string, met: boolean | undefined): GoalCheck => ({ goal, met });

  it("says a goal held only when every run judged it and met it", () => {
    const goals = goalsAcrossRuns([
      [check("p99 ≤ 250 ms at 10k", true), check("≥ 900/s", true)],
      [check("p99 ≤ 250 ms at 10k", false), check("≥ 900/s", true)],
    ]);
    expect(goals).toEqual([
      { goal: "p99 ≤ 250 ms at 10k", perRun: [true, false], everyRun: false },
      { goal: "≥ 900/s", perRun: [true, true], everyRun: true },
    ]);
  });

  it("counts a run that did not judge the goal against it", () => {
    const goals = goalsAcrossRuns([
      [check("p99 ≤ 250 ms at 10k", true)],
      [check("p99 ≤ 250 ms at 10k", undefined)],
    ]);
    expect(goals).toEqual([{ goal: "p99 ≤ 250 ms at 10k", perRun: [true, undefined], everyRun: false }]);
  });
});
