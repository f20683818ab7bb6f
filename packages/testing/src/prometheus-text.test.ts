import { describe, expect, it } from "vitest";
import { hasSample, parseSamples, sampleSum } from "./prometheus-text.js";

const SCRAPE = `# HELP venta_outbox_publish_delay_seconds Time from an event's occurredAt to the bus.
# TYPE venta_outbox_publish_delay_seconds histogram
venta_outbox_publish_delay_seconds_bucket{le="0.005",service="location"} 3
venta_outbox_publish_delay_seconds_bucket{le="+Inf",service="location"} 4
venta_outbox_publish_delay_seconds_sum{service="location"} 0.0125
venta_outbox_publish_delay_seconds_count{service="location"} 4

process_cpu_user_seconds_total 1.5 1700000000000
venta_graphql_requests_total{service="router",operation="say \\"hi\\", then \\\\n{}",outcome="ok"} 7
venta_live_sockets{service="router"} NaN
venta_weird{ service = "router" } -Inf
venta_broken{service="router} 1
`;

describe("Prometheus text parsing", () => {
  const samples = parseSamples(SCRAPE);

  it("reads names, labels and values, and passes over comments, blank and malformed lines", () => {
    expect(samples.map((s) => s.name)).toEqual([
      "venta_outbox_publish_delay_seconds_bucket",
      "venta_outbox_publish_delay_seconds_bucket",
      "venta_outbox_publish_delay_seconds_sum",
      "venta_outbox_publish_delay_seconds_count",
      "process_cpu_user_seconds_total",
      "venta_graphql_requests_total",
      "venta_live_sockets",
    ]);
    expect(samples[1]).toEqual({
      name: "venta_outbox_publish_delay_seconds_bucket",
      labels: { le: "+Inf", service: "location" },
      value: 4,
    });
  });

  it("ignores a sample's timestamp", () => {
    expect(sampleSum(samples, "process_cpu_user_seconds_total")).toBe(1.5);
  });

  it("unescapes label values, commas, braces and all", () => {
    expect(samples[5]?.labels).toEqual({
      service: "router",
      operation: 'say "hi", then \\n{}',
      outcome: "ok",
    });
  });

  it("reads NaN as NaN", () => {
    expect(Number.isNaN(samples[6]?.value)).toBe(true);
  });

  it("sums the samples of a name that carry the labels asked for", () => {
    expect(sampleSum(samples, "venta_outbox_publish_delay_seconds_bucket", { service: "location" })).toBe(7);
    expect(sampleSum(samples, "venta_outbox_publish_delay_seconds_bucket", { le: "0.005" })).toBe(3);
    expect(sampleSum(samples, "venta_outbox_publish_delay_seconds_count", { service: "router" })).toBe(0);
    expect(hasSample(samples, "venta_graphql_requests_total", { outcome: "ok" })).toBe(true);
    expect(hasSample(samples, "venta_graphql_requests_total", { outcome: "error" })).toBe(false);
  });
});
