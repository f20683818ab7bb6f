import { describe, expect, it } from "vitest";
import { metricSamples } from "./metrics-text.js";

const page = `# HELP venta_outbox_depth Events committed to the outbox and not yet published on the bus.
# TYPE venta_outbox_depth gauge
venta_outbox_depth{service="location"} 12
venta_outbox_depth_total 5
venta_event_bus_lag{service="location",consumer="marketplace.search-index"} 0
venta_event_bus_lag{service="location",consumer="odd \\"name\\""} 3
venta_notification_queue_depth 7
`;

describe("metricSamples", () => {
  it("reads one metric's samples and labels, and nothing of metrics whose names merely start alike", () => {
    expect(metricSamples(page, "venta_outbox_depth")).toEqual([
      { labels: { service: "location" }, value: 12 },
    ]);
    expect(metricSamples(page, "venta_event_bus_lag")).toEqual([
      { labels: { service: "location", consumer: "marketplace.search-index" }, value: 0 },
      { labels: { service: "location", consumer: 'odd "name"' }, value: 3 },
    ]);
    expect(metricSamples(page, "venta_notification_queue_depth")).toEqual([{ labels: {}, value: 7 }]);
    expect(metricSamples(page, "venta_missing")).toEqual([]);
  });
});
