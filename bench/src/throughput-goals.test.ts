import { describe, expect, it } from "vitest";
import type { ThroughputFigure, ThroughputTarget } from "./throughput-figure.js";
import { checkThroughputGoals, ROUTER_NEARBY_BASELINE_RPS } from "./throughput-goals.js";
import type { ThroughputQuery } from "./throughput-queries.js";
import { ratioToRouterTypename } from "./throughput-table.js";

const figure = (
  target: ThroughputTarget,
  query: ThroughputQuery,
  rps: number,
  p50 = 10,
  errors = 0,
): ThroughputFigure => ({
  target,
  query,
  connections: 20,
  requests: rps * 10,
  seconds: 10,
  rps,
  latencyMs: { p50, p95: p50 * 2, p99: p50 * 3, mean: p50, max: p50 * 4 },
  errors,
  errorKinds: { transport: 0, timeouts: errors, non2xx: 0, graphql: 0 },
});

describe("the throughput goals", () => {
  const passing = [
    figure("router", "nearby 50, names", ROUTER_NEARBY_BASELINE_RPS * 4),
    figure("router", "nearby 5, location only", 1_000, 15),
    figure("location direct", "nearby 5, location only", 1_500, 10),
    figure("@apollo/gateway", "nearby 50, names", 500),
    figure("Hive Gateway", "nearby 50, names", 600),
    figure("@apollo/gateway", "nearby 5, location only", 800),
    figure("Hive Gateway", "nearby 5, location only", 700),
  ];

  it("are met by 4× the baseline, a router p50 at 1.5× direct, and a lead over both stock gateways on both pages", () => {
    expect(checkThroughputGoals(passing).map((goal) => goal.met)).toEqual([true, true, true, true]);
  });

  it("miss below 4× the baseline, above 1.5× direct, and behind either stock gateway", () => {
    const slower = passing.map((f) => (f.target === "router" ? { ...f, rps: f.rps - 1 } : f));
    expect(checkThroughputGoals(slower)[0]?.met).toBe(false);
    const lagging = passing.map((f) =>
      f.target === "router" && f.query === "nearby 5, location only"
        ? { ...f, latencyMs: { ...f.latencyMs, p50: 15.1 } }
        : f,
    );
    expect(checkThroughputGoals(lagging)[1]?.met).toBe(false);
    const beaten = (query: ThroughputQuery) =>
      passing.map((f) => (f.target === "Hive Gateway" && f.query === query ? { ...f, rps: 2_000 } : f));
    expect(checkThroughputGoals(beaten("nearby 5, location only")).map((goal) => goal.met)).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(checkThroughputGoals(beaten("nearby 50, names"))[3]?.met).toBe(false);
  });

  it("are not met by figures with errors", () => {
    const failing = passing.map((f) => ({ ...f, errors: 1 }));
    expect(checkThroughputGoals(failing).map((goal) => goal.met)).toEqual([false, false, false, false]);
  });

  it("are not judged without the figures they speak of", () => {
    expect(checkThroughputGoals([]).map((goal) => goal.met)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("ratioToRouterTypename", () => {
  it("divides a figure's RPS by the router's own { __typename } RPS", () => {
    const figures = [figure("router", "typename", 4_000), figure("location direct", "typename", 8_000)];
    expect(ratioToRouterTypename(figures[1] as ThroughputFigure, figures)).toBe(2);
    expect(ratioToRouterTypename(figures[1] as ThroughputFigure, figures.slice(1))).toBeNaN();
  });
});
