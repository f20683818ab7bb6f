import { describe, expect, it } from "vitest";
import { formatStageTable } from "./stage-table.js";

describe("the stage table", () => {
  it("names each figure on its first row and shows – for a stage without samples", () => {
    const text = formatStageTable([
      {
        label: "1,000 subscriptions",
        stages: {
          plan: "update",
          stages: [
            {
              stage: "intake: router request Move",
              count: 300,
              meanMs: 1.234,
              p99Ms: 4.5,
              p99AtLeast: false,
            },
            { stage: "router → socket", count: 0, meanMs: null, p99Ms: null, p99AtLeast: false },
            { stage: "(whole) accept → socket", count: 2, meanMs: 6000, p99Ms: 5000, p99AtLeast: true },
          ],
        },
      },
      { label: "store", stages: undefined },
      {
        label: "router, Move",
        stages: { plan: "update", stages: [], unavailable: "router /metrics answered 500" },
      },
    ]);
    expect(text.split("\n")).toEqual([
      "figure               stage                          n  mean ms  ≈p99 ms",
      "-------------------  ---------------------------  ---  -------  -------",
      "1,000 subscriptions  intake: router request Move  300     1.23     4.50",
      "                     router → socket                –        –        –",
      "                     (whole) accept → socket        2   6000.0  ≥5000.0",
      "  router, Move: no breakdown, router /metrics answered 500",
    ]);
  });

  it("leaves out split rows under 1% of the figure's busiest row, and says so", () => {
    const row = (stage: string, n: number, split?: Record<string, string>) => ({
      stage,
      count: n,
      meanMs: 1,
      p99Ms: 2,
      p99AtLeast: false,
      ...(split ? { split } : {}),
    });
    const text = formatStageTable([
      {
        label: "router, nearby",
        stages: {
          plan: "query",
          stages: [
            row("router request Nearby", 1_000, { operation: "Nearby" }),
            row("store location positions nearby", 10, {
              service: "location",
              store: "positions",
              operation: "nearby",
            }),
            row("store communication webhookDeliveries claimDue", 3, { service: "communication" }),
            row("some unsplit stage", 3),
          ],
        },
      },
    ]);
    expect(text).toContain("store location positions nearby");
    expect(text).toContain("some unsplit stage");
    expect(text).not.toContain("claimDue");
    expect(text.split("\n").at(-1)).toBe(
      "  left out: 1 split row under 1% of their figure's busiest row (background work: pollers, sweeps); the JSON has them",
    );
  });

  it("is empty when no figure has a breakdown", () => {
    expect(formatStageTable([{ label: "store", stages: undefined }])).toBe("");
  });
});
