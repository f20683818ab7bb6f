import { describe, expect, it } from "vitest";
import type { FencedFigure } from "./fenced-figure.js";
import { checkFencedGoal } from "./fenced-goals.js";
import { formatCpuLines, formatFencedTable } from "./fenced-table.js";

const figure = (changes: Partial<FencedFigure> = {}): FencedFigure => ({
  movement: "parked",
  fences: 25_000,
  reportingVendors: 5_000,
  batchSize: 100,
  connections: 10,
  seconds: 5,
  requests: 500,
  acceptedUpdates: 50_000,
  updatesPerSecond: 10_000,
  errors: 0,
  latencyMs: { p50: 90, p95: 120, p99: 150, mean: 95, max: 200 },
  crossings: 10,
  crossingsPerSecond: 2,
  published: 50_000,
  otherEvents: 0,
  consumers: [],
  drain: { drained: true, seconds: 1.5, left: "nothing left" },
  lost: 0,
  deadLetters: 0,
  cpuPercent: { router: 40, location: 95, bench: 10, machine: 190 },
  notes: [],
  ...changes,
});

describe("the goals with fences", () => {
  it("want 10,000 updates/s parked and 5,000 driving, none lost", () => {
    expect(checkFencedGoal(figure()).met).toBe(true);
    expect(checkFencedGoal(figure({ updatesPerSecond: 9_999 })).met).toBe(false);
    expect(checkFencedGoal(figure({ movement: "driving", updatesPerSecond: 5_000 })).met).toBe(true);
    expect(checkFencedGoal(figure({ movement: "driving", updatesPerSecond: 4_999 })).met).toBe(false);
  });

  it("miss, with the reasons, when anything is lost, dead-lettered, failed or still behind", () => {
    const check = checkFencedGoal(
      figure({
        updatesPerSecond: 20_000,
        lost: 3,
        deadLetters: 1,
        errors: 2,
        drain: { drained: false, seconds: 30, left: "location outbox 12" },
      }),
    );
    expect(check.met).toBe(false);
    expect(check.reasons).toEqual([
      "2 failed requests",
      "not caught up 30 s after the load: location outbox 12",
      "3 updates lost",
      "1 dead letters",
    ]);
  });

  it("print one row per movement with the goal and why it was missed", () => {
    const table = formatFencedTable([
      figure(),
      figure({ movement: "driving", updatesPerSecond: 3_000, lost: 7 }),
    ]);
    const [, , parked, driving] = table.split("\n");
    expect(parked).toMatch(
      /^parked\s+10,000\s+90\.0\s+150\.0\s+2\s+1\.5\s+0\s+0\s+≥ 10,000 updates\/s parked with fences, none lost: met$/,
    );
    expect(driving).toContain("MISSED (3,000 updates/s is below 5,000; 7 updates lost)");
  });
});

describe("the CPU line", () => {
  it("lists the processes busiest first, and the machine against all its cores", () => {
    const driving = figure({
      movement: "driving",
      cpuPercent: { router: 40, location: 95, bench: 10, machine: 190 },
    });
    expect(formatCpuLines([driving], 2)).toEqual([
      "driving: CPU (% of one core) location 95%, router 40%, bench 10%; machine 190% of 200%, of which 45% other processes",
    ]);
  });
});
