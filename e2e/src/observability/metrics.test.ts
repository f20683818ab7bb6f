import {
  eventually,
  hasSample,
  parseSamples,
  postGraphQL,
  type SignedUp,
  type Stack,
  sampleSum,
  startStack,
} from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DOWNTOWN = { lat: 30.2672, lng: -97.7431 };
/** Low enough to spend in a moment, high enough for everything else this file sends anonymously. */
const ANONYMOUS_BUDGET = 10;

async function scrape(stack: Stack, service: keyof Stack["urls"]) {
  const response = await fetch(`${stack.urls[service]}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return parseSamples(await response.text());
}

describe("metrics on /metrics", () => {
  let stack: Stack;
  let person: SignedUp;

  beforeAll(async () => {
    stack = await startStack({ serviceEnv: { router: { RATE_LIMIT_ANONYMOUS: String(ANONYMOUS_BUDGET) } } });
    person = await stack.signUp("Metrics Reader", ["CUSTOMER"]);
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  it("every service serves Node's process metrics", async () => {
    for (const service of ["router", "marketplace", "location", "communication"] as const) {
      const samples = await scrape(stack, service);
      expect(hasSample(samples, "process_cpu_user_seconds_total"), service).toBe(true);
      expect(hasSample(samples, "nodejs_eventloop_lag_seconds"), service).toBe(true);
    }
  });

  it("counts a query at the router and at the subgraphs it fetched from, with their stores and fetches", async () => {
    const requests = { operation: "MetricsNearby", outcome: "ok", caller: "person" };
    const before = {
      router: sampleSum(await scrape(stack, "router"), "venta_graphql_requests_total", requests),
      fetches: sampleSum(
        await scrape(stack, "router"),
        "venta_router_subgraph_fetch_duration_seconds_count",
        {
          subgraph: "location",
          outcome: "ok",
        },
      ),
      location: sampleSum(await scrape(stack, "location"), "venta_graphql_requests_total", {
        service: "location",
        caller: "person",
      }),
    };
    const response = await postGraphQL(
      `${stack.urls.router}/graphql`,
      "query MetricsNearby($near: GeoPointInput!) { nearbyVendors(near: $near) { totalCount } }",
      { near: DOWNTOWN },
      person.headers,
    );
    expect(response.errors).toBeUndefined();

    const router = await scrape(stack, "router");
    expect(sampleSum(router, "venta_graphql_requests_total", { service: "router", ...requests })).toBe(
      before.router + 1,
    );
    expect(
      sampleSum(router, "venta_graphql_request_duration_seconds_count", {
        service: "router",
        operation: "MetricsNearby",
        caller: "person",
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sampleSum(router, "venta_router_subgraph_fetch_duration_seconds_count", {
        subgraph: "location",
        outcome: "ok",
      }),
    ).toBeGreaterThan(before.fetches);

    const location = await scrape(stack, "location");
    // The router names the operations it sends the subgraphs after the client's.
    expect(
      sampleSum(location, "venta_graphql_requests_total", {
        service: "location",
        caller: "person",
        outcome: "ok",
      }),
    ).toBeGreaterThan(before.location);
    expect(hasSample(location, "venta_store_operation_duration_seconds_count", { service: "location" })).toBe(
      true,
    );
  });

  it("counts the sign-up's writes in marketplace's stores, and reports its bus consumers and outbox", async () => {
    const marketplace = await scrape(stack, "marketplace");
    expect(
      sampleSum(marketplace, "venta_graphql_requests_total", {
        service: "marketplace",
        caller: "person",
        outcome: "ok",
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sampleSum(marketplace, "venta_store_operation_duration_seconds_count", { service: "marketplace" }),
    ).toBeGreaterThan(0);
    expect(hasSample(marketplace, "venta_outbox_depth", { service: "marketplace" })).toBe(true);
    expect(hasSample(marketplace, "venta_outbox_oldest_age_seconds", { service: "marketplace" })).toBe(true);
    for (const name of ["venta_event_bus_lag", "venta_event_bus_pending", "venta_event_bus_dead_letters"])
      expect(hasSample(marketplace, name, { service: "marketplace" }), name).toBe(true);
    // The sign-up's events: the relay put them on the bus, and the event store's consumer handled them.
    const delays = await eventually(
      async () => {
        const samples = await scrape(stack, "marketplace");
        return {
          outbox: sampleSum(samples, "venta_outbox_publish_delay_seconds_count", { service: "marketplace" }),
          bus: sampleSum(samples, "venta_event_bus_delivery_delay_seconds_count", {
            consumer: "event-store",
          }),
        };
      },
      (counts) => counts.outbox > 0 && counts.bus > 0,
    );
    expect(delays.outbox).toBeGreaterThan(0);
    expect(delays.bus).toBeGreaterThan(0);
  });

  it("counts communication's requests and reports its notification and webhook queues", async () => {
    const labels = { service: "communication", caller: "person", outcome: "ok" };
    const before = sampleSum(await scrape(stack, "communication"), "venta_graphql_requests_total", labels);
    const response = await postGraphQL(
      `${stack.urls.router}/graphql`,
      "query MetricsContacts { myContactDetails { __typename } }",
      {},
      person.headers,
    );
    expect(response.errors).toBeUndefined();
    const communication = await scrape(stack, "communication");
    expect(sampleSum(communication, "venta_graphql_requests_total", labels)).toBe(before + 1);
    expect(hasSample(communication, "venta_notification_queue_depth")).toBe(true);
    expect(hasSample(communication, "venta_webhook_queue_depth")).toBe(true);
    expect(hasSample(communication, "venta_event_bus_lag", { service: "communication" })).toBe(true);
  });

  it("counts requests refused for a spent budget", async () => {
    const refusals = { caller: "anonymous", limit: "requests" };
    const before = sampleSum(await scrape(stack, "router"), "venta_rate_limit_refusals_total", refusals);
    let refused = 0;
    for (let i = 0; i <= ANONYMOUS_BUDGET && refused === 0; i++) {
      const response = await postGraphQL(`${stack.urls.router}/graphql`, "query MetricsPing { __typename }");
      if (response.status === 429) refused += 1;
    }
    expect(refused).toBe(1);
    const router = await scrape(stack, "router");
    expect(sampleSum(router, "venta_rate_limit_refusals_total", refusals)).toBe(before + 1);
    expect(
      sampleSum(router, "venta_graphql_requests_total", {
        service: "router",
        operation: "__unknown",
        outcome: "refused",
      }),
    ).toBeGreaterThanOrEqual(1);
  });
});
