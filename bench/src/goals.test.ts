import { describe, expect, it } from "vitest";
import { checkLatencyGoal, checkThroughputGoal } from "./goals.js";
import type { LiveLatencyFigure } from "./live-latency.js";
import type { UpdateThroughputFigure } from "./update-throughput.js";

const latency = (subscriptions: number, p99: number, missing = 0): LiveLatencyFigure => ({
  vendors: 100_000,
  subscriptions,
  sockets: subscriptions / 100,
  movers: 200,
  feed: "redis",
  established: subscriptions,
  seconds: 8,
  updates: { sent: 800, accepted: 800, errors: 0, perSecond: 100 },
  events: { expected: 40_000, received: 40_000 - missing, missing, duplicates: 0, errors: 0, other: 0 },
  subscriptionFailures: 0,
  latencyMs: { p50: 10, p95: p99, p99, mean: 10, max: p99 },
  clientLoopDelayMs: { p99: 10, max: 20 },
  notes: [],
});

describe("the live goals", () => {
  it("judge latency at 10k subscriptions only, and only when every event arrived", () => {
    expect(checkLatencyGoal(latency(1_000, 900)).met).toBeUndefined();
    expect(checkLatencyGoal(latency(10_000, 249)).met).toBe(true);
    expect(checkLatencyGoal(latency(10_000, 251)).met).toBe(false);
    expect(checkLatencyGoal(latency(10_000, 100, 1)).met).toBe(false);
  });

  it("want 5,000 accepted updates a second without errors", () => {
    const figure = { updatesPerSecond: 5_000, errors: 0 } as UpdateThroughputFigure;
    expect(checkThroughputGoal(figure).met).toBe(true);
    expect(checkThroughputGoal({ ...figure, errors: 1 }).met).toBe(false);
    expect(checkThroughputGoal({ ...figure, updatesPerSecond: 4_999 }).met).toBe(false);
  });
});
