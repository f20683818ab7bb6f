import { describe, expect, it } from "vitest";
import type { LiveLatencyFigure, RouterFigure } from "./live-latency.js";
import { formatRouterTable, formatTwoRouterTable } from "./live-scale-table.js";

const router = (received: number): RouterFigure => ({
  subscriptions: 25_000,
  sockets: 250,
  established: 25_000,
  updatesPosted: 250,
  events: { expected: 62_500, received, missing: 62_500 - received },
  latencyMs: { p50: 20, p95: 60, p99: 90, mean: 25, max: 120 },
  usage: {
    windowSeconds: 8.5,
    subscriptions: 25_000,
    sockets: 250,
    residentMiB: 512,
    cpuPercent: 91.4,
    fannedOut: 62_500,
    loopLagP99Ms: 40,
  },
});

const figure: LiveLatencyFigure = {
  vendors: 100_000,
  subscriptions: 50_000,
  sockets: 500,
  movers: 200,
  feed: "redis",
  established: 50_000,
  seconds: 4.99,
  updates: {
    sent: 500,
    accepted: 499,
    errors: 1,
    targetPerSecond: 100,
    perSecond: 100,
    perRequest: 1,
    requests: 500,
  },
  events: { expected: 125_000, received: 124_000, missing: 1_000, duplicates: 0, errors: 2, other: 7 },
  subscriptionFailures: 3,
  latencyMs: { p50: 20, p95: 60, p99: 90, mean: 25, max: 120 },
  routers: [router(62_500), router(61_500)],
  clientLoopDelayMs: { p99: 12, max: 30 },
  clientResidentMiB: 700,
  notes: [],
};

describe("the two-router tables", () => {
  it("give refused updates their own column and each router's events", () => {
    const [header, , row] = formatTwoRouterTable([figure]).split("\n");
    expect(header).toContain("refused updates");
    expect(header).toContain("events per router");
    expect(row).toContain("124,000/125,000");
    expect(row).toContain("62,500 / 61,500");
    // Event errors and failed subscriptions together; the refused update apart.
    expect(row?.split(/\s{2,}/)).toEqual(expect.arrayContaining(["5", "1", "none stated"]));
  });

  it("list each router's share, what it held and what the window cost it", () => {
    const lines = formatRouterTable([figure]).split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(
      /^50,000 subs, 100\/s\s+1\s+25,000\s+25,000\s+25,000\s+250\s+250\s+62,500\/62,500/,
    );
    expect(lines[3]).toContain("61,500/62,500");
    // 91.4% of a core over 8.5 s: 7.8 CPU-seconds.
    expect(lines[3]).toMatch(/\s91\s+7\.8\s+512\s+40\.0$/);
  });
});
