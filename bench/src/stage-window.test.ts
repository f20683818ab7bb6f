import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ServiceName } from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StagePlan } from "./stage-plans.js";
import { stageWindow } from "./stage-window.js";

const PLAN: StagePlan = {
  name: "update",
  stages: [{ stage: "live feed", services: ["router"], metric: "venta_live_feed_delay_seconds" }],
};

/** The router's feed delay histogram after `count` observations of 2 ms each. */
const routerMetrics = (count: number) =>
  [
    `venta_live_feed_delay_seconds_bucket{le="0.0025"} ${count}`,
    `venta_live_feed_delay_seconds_bucket{le="+Inf"} ${count}`,
    `venta_live_feed_delay_seconds_sum ${count * 0.002}`,
    `venta_live_feed_delay_seconds_count ${count}`,
  ].join("\n");

describe("a stage window", () => {
  let server: Server;
  let routerScrapes = 0;
  let base = "";
  beforeAll(async () => {
    // Each scrape of the router finds 10 more observations; the subgraphs serve nothing, or fail.
    server = createServer((req, res) => {
      if (req.url === "/router/metrics") {
        routerScrapes += 1;
        res.writeHead(200, { "content-type": "text/plain" }).end(routerMetrics(routerScrapes * 10));
      } else if (req.url === "/quiet/metrics") res.writeHead(200, { "content-type": "text/plain" }).end("");
      else res.writeHead(503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const urls = (location: string): Record<ServiceName, string> => ({
    router: `${base}/router/metrics`,
    marketplace: `${base}/quiet/metrics`,
    location: `${base}/${location}/metrics`,
    communication: `${base}/quiet/metrics`,
  });

  it("breaks down what the services observed between opening and closing", async () => {
    const window = stageWindow(urls("quiet"), PLAN);
    await window.open();
    const result = await window.close();
    expect(result.unavailable).toBeUndefined();
    expect(result.stages).toHaveLength(1);
    expect(result.stages[0]).toMatchObject({ stage: "live feed", count: 10, p99AtLeast: false });
    expect(result.stages[0]?.meanMs).toBeCloseTo(2);
  });

  it("says why when a service's metrics could not be read, rather than failing", async () => {
    const window = stageWindow(urls("down"), PLAN);
    await window.open();
    expect(await window.close()).toEqual({
      plan: "update",
      stages: [],
      unavailable: "location /metrics answered 503",
    });
  });
});
