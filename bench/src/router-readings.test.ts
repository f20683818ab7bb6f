import { describe, expect, it } from "vitest";
import { metricValue, parseRouterReading, routerUsage } from "./router-readings.js";

const exposition = (
  cpu: number,
  fanned: number,
) => `# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.
# TYPE process_cpu_seconds_total counter
process_cpu_seconds_total ${cpu}
process_resident_memory_bytes 524288000
nodejs_eventloop_lag_p99_seconds 0.0125
venta_live_sockets{service="router"} 250
venta_live_subscriptions{service="router"} 25000
venta_live_events_fanned_out_total{service="router"} ${fanned}
venta_live_accept_to_socket_seconds_bucket{le="0.005"} 7
`;

describe("router readings", () => {
  it("read a metric by its exact name, summed over label sets", () => {
    const text = `${exposition(1, 2)}venta_live_subscriptions{service="other"} 5 1700000000000\n`;
    expect(metricValue(text, "venta_live_subscriptions")).toBe(25_005);
    expect(metricValue(text, "process_cpu_seconds_total")).toBe(1);
    // A longer name that starts with the one asked for is another metric.
    expect(metricValue(text, "venta_live_accept_to_socket_seconds")).toBeNaN();
    expect(metricValue(text, "venta_absent")).toBeNaN();
  });

  it("turn two readings into what the window cost: CPU as a share of one core, events fanned out", () => {
    const before = parseRouterReading(exposition(10, 1_000), 0);
    const after = parseRouterReading(exposition(14, 61_000), 5_000);
    expect(routerUsage(before, after)).toEqual({
      windowSeconds: 5,
      subscriptions: 25_000,
      sockets: 250,
      residentMiB: 500,
      cpuPercent: 80,
      fannedOut: 60_000,
      loopLagP99Ms: 12.5,
    });
  });
});
