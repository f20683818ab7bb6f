import { parseSamples } from "@venta/testing";
import { describe, expect, it } from "vitest";
import { breakdown, type Scrape, stageRows } from "./stage-breakdown.js";
import { QUERY_STAGES, type StageSpec, UPDATE_STAGES } from "./stage-plans.js";

/** One histogram series as prom-client renders it, all of its `count` observations in the 5 ms bucket. */
function series(metric: string, labels: string, count: number, sumSeconds: number): string {
  const with_ = (more: string) => `{${[more, labels].filter(Boolean).join(",")}}`;
  return [
    `${metric}_bucket${with_('le="0.001"')} 0`,
    `${metric}_bucket${with_('le="0.005"')} ${count}`,
    `${metric}_bucket${with_('le="+Inf"')} ${count}`,
    `${metric}_sum${with_("")} ${sumSeconds}`,
    `${metric}_count${with_("")} ${count}`,
  ].join("\n");
}

const scrape = (texts: Partial<Record<keyof Scrape, string[]>>): Scrape =>
  Object.fromEntries(
    Object.entries(texts).map(([service, lines]) => [service, parseSamples(lines.join("\n"))]),
  );

const BUS = "venta_event_bus_delivery_delay_seconds";
const before = scrape({
  marketplace: [series(BUS, 'consumer="marketplace.loyalty-vendor-positions"', 10, 0.02)],
  router: [
    series(
      "venta_graphql_request_duration_seconds",
      'service="router",operation="Move",caller="person"',
      5,
      0.01,
    ),
    series("venta_live_feed_delay_seconds", "", 7, 0.007),
  ],
});
const after = scrape({
  marketplace: [
    series(BUS, 'consumer="marketplace.loyalty-vendor-positions"', 110, 0.22),
    series(BUS, 'consumer="event-store"', 50, 0.2),
  ],
  communication: [series(BUS, 'consumer="communication.vendor-alerts.crossings"', 0, 0)],
  router: [
    series(
      "venta_graphql_request_duration_seconds",
      'service="router",operation="Move",caller="person"',
      105,
      0.21,
    ),
    series(
      "venta_graphql_request_duration_seconds",
      'service="router",operation="Move",caller="partner"',
      5,
      0.01,
    ),
    series(
      "venta_graphql_request_duration_seconds",
      'service="router",operation="__anonymous",caller="internal"',
      0,
      0,
    ),
    series("venta_live_feed_delay_seconds", "", 7, 0.007),
  ],
});

describe("stage rows", () => {
  it("splits a stage by label value, adding up the other labels, most samples first", () => {
    const spec = UPDATE_STAGES.stages.find((s) => s.stage.startsWith("bus")) as StageSpec;
    expect(stageRows(spec, before, after)).toEqual([
      {
        stage: "bus → consumer marketplace.loyalty-vendor-positions",
        split: { consumer: "marketplace.loyalty-vendor-positions" },
        count: 100,
        meanMs: 2,
        p99Ms: expect.any(Number),
        p99AtLeast: false,
      },
      {
        stage: "bus → consumer event-store",
        split: { consumer: "event-store" },
        count: 50,
        meanMs: 4,
        p99Ms: expect.any(Number),
        p99AtLeast: false,
      },
    ]);
  });

  it("adds up callers within an operation and leaves out operations without samples", () => {
    const spec = UPDATE_STAGES.stages[0] as StageSpec;
    const rows = stageRows(spec, before, after);
    expect(rows.map((r) => [r.stage, r.count])).toEqual([["intake: router request Move", 105]]);
    expect(rows[0]?.meanMs).toBeCloseTo(2);
    // Every observation sits in (1 ms, 5 ms]: the p99 is 99% of the way up that bucket.
    expect(rows[0]?.p99Ms).toBeCloseTo(1 + 4 * 0.99);
  });

  it("keeps a stage nothing reached as one row without samples", () => {
    const feed = UPDATE_STAGES.stages.find((s) => s.metric === "venta_live_feed_delay_seconds") as StageSpec;
    expect(stageRows(feed, before, after)).toEqual([
      { stage: "live feed: accept → router", count: 0, meanMs: null, p99Ms: null, p99AtLeast: false },
    ]);
    const fetches = QUERY_STAGES.stages[1] as StageSpec;
    expect(stageRows(fetches, before, after)).toEqual([
      { stage: "router → fetch", count: 0, meanMs: null, p99Ms: null, p99AtLeast: false },
    ]);
  });

  it("reads a stage only from the services it names", () => {
    const spec: StageSpec = { stage: "x", services: ["location"], metric: BUS, splitBy: ["consumer"] };
    expect(stageRows(spec, before, after).map((r) => r.count)).toEqual([0]);
  });
});

describe("breakdown", () => {
  it("has a row for every stage of the plan, in the plan's order", () => {
    const result = breakdown(UPDATE_STAGES, before, after);
    expect(result.plan).toBe("update");
    expect(result.stages.map((s) => s.stage)).toEqual([
      "intake: router request Move",
      "router → location fetch",
      "location request",
      "store: position reports write",
      "outbox: occurredAt → bus",
      "bus → consumer marketplace.loyalty-vendor-positions",
      "bus → consumer event-store",
      "live feed: accept → router",
      "router → socket",
      "(whole) accept → socket",
    ]);
  });
});
