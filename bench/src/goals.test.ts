import { describe, expect, it } from "vitest";
import { checkLatencyGoal, checkRateGoal, checkThroughputGoal } from "./goals.js";
import type { LiveLatencyFigure } from "./live-latency.js";
import type { UpdateThroughputFigure } from "./update-throughput.js";

const latency = (subscriptions: number, p99: number, missing = 0, refused = 0): LiveLatencyFigure => ({
  vendors: 100_000,
  subscriptions,
  sockets: subscriptions / 100,
  movers: 200,
  feed: "redis",
  established: subscriptions,
  seconds: 8,
  updates: {
    sent: 800,
    accepted: 800 - refused,
    errors: refused,
    targetPerSecond: 100,
    perSecond: 100,
    perRequest: 1,
    requests: 800,
  },
  events: { expected: 40_000, received: 40_000 - missing, missing, duplicates: 0, errors: 0, other: 0 },
  subscriptionFailures: 0,
  latencyMs: { p50: 10, p95: p99, p99, mean: 10, max: p99 },
  routers: [],
  clientLoopDelayMs: { p99: 10, max: 20 },
  clientResidentMiB: 300,
  notes: [],
});

describe("the live goals", () => {
  it("judge latency at 10k subscriptions only, and only when every event arrived", () => {
    expect(checkLatencyGoal(latency(1_000, 900)).met).toBeUndefined();
    expect(checkLatencyGoal(latency(10_000, 249)).met).toBe(true);
    expect(checkLatencyGoal(latency(10_000, 251)).met).toBe(false);
    expect(checkLatencyGoal(latency(10_000, 100, 1)).met).toBe(false);
  });

  it("fail a figure with a refused update, which leaves no event behind to count as missing", () => {
    expect(checkLatencyGoal(latency(10_000, 100, 0, 1)).met).toBe(false);
  });

  it("judge each update rate under its own name, so runs compare each rate with itself", () => {
    const fast = latency(10_000, 200);
    fast.updates.targetPerSecond = 1_000;
    expect(checkRateGoal(fast)).toEqual({ goal: "p99 ≤ 250 ms at 10k, 1,000 updates/s", met: true });
    expect(checkRateGoal({ ...fast, latencyMs: { ...fast.latencyMs, p99: 300 } }).met).toBe(false);
    expect(checkRateGoal(latency(1_000, 100)).met).toBeUndefined();
  });

  it("want 5,000 accepted updates a second without errors", () => {
    const figure = { updatesPerSecond: 5_000, errors: 0 } as UpdateThroughputFigure;
    expect(checkThroughputGoal(figure).met).toBe(true);
    expect(checkThroughputGoal({ ...figure, errors: 1 }).met).toBe(false);
    expect(checkThroughputGoal({ ...figure, updatesPerSecond: 4_999 }).met).toBe(false);
  });
});
