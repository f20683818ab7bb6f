import type { GeoPoint } from "@venta/geo";
import { postGraphQL, type Stack, startStack } from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { untilListed, verifyVendor } from "../onboarding/verify-vendor.js";
import { startOtlpReceiver } from "./otlp-receiver.js";

/** Spans leave each process in batches every 100 ms (`OTEL_BSP_SCHEDULE_DELAY`). */
const WAIT = { timeout: 10_000, interval: 50 };

const DOWNTOWN: GeoPoint = { lat: 30.2672, lng: -97.7431 };

const NEARBY = `query Nearby($near: GeoPointInput!, $radius: Float) {
  nearbyVendors(near: $near, radiusMeters: $radius, first: 5) { edges { distanceMeters node { id name } } }
}`;

describe("one trace per request, across the router and the subgraphs", () => {
  let stack: Stack;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let owner: Record<string, string>;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    stack = await startStack({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_BSP_SCHEDULE_DELAY: "100",
      },
      serviceEnv: { router: { LOG_LEVEL: "info" } },
    });
    ({ headers: owner } = await stack.signUp("Owner", ["VENDOR"]));
    const created = await postGraphQL<{ createVendor: { id: string } }>(
      `${stack.urls.router}/graphql`,
      `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }`,
      { input: { name: "Traced Tacos", cuisines: ["tacos"], status: "OPEN" } },
      owner,
    );
    const vendorId = created.data?.createVendor.id as string;
    await verifyVendor(stack, vendorId);
    await vi.waitFor(
      async () => {
        const moved = await postGraphQL(
          `${stack.urls.router}/graphql`,
          `mutation ($input: UpdateVendorLocationInput!) { updateVendorLocation(input: $input) { isLive } }`,
          { input: { vendorId, ...DOWNTOWN, accuracyMeters: 5 } },
          owner,
        );
        expect(moved.errors).toBeUndefined();
      },
      { timeout: 10_000, interval: 50 },
    );
    await untilListed(stack, DOWNTOWN, 1000, [vendorId]);
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
    await receiver?.close();
  });

  it("a nearbyVendors query yields one trace with spans from router, location and marketplace", async () => {
    const requestId = "trace-nearby-1";
    const response = await fetch(`${stack.urls.router}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": requestId },
      body: JSON.stringify({ query: NEARBY, variables: { near: DOWNTOWN, radius: 1000 } }),
    });
    expect(response.headers.get("x-request-id")).toBe(requestId);
    const body = (await response.json()) as {
      data: { nearbyVendors: { edges: { node: { name: string } }[] } };
    };
    expect(body.data.nearbyVendors.edges.map((edge) => edge.node.name)).toContain("Traced Tacos");

    const traceId = await vi.waitFor(() => {
      const root = receiver.spans.find(
        (span) => span.service === "router" && span.attributes["venta.request_id"] === requestId,
      );
      expect(root).toBeDefined();
      return root?.traceId as string;
    }, WAIT);
    const trace = await vi.waitFor(() => {
      const spans = receiver.spans.filter((span) => span.traceId === traceId);
      expect(new Set(spans.map((span) => span.service))).toEqual(
        new Set(["router", "location", "marketplace"]),
      );
      return spans;
    }, WAIT);
    // Every service's spans for this request are in that one trace, and no other.
    const ofRequest = receiver.spans.filter((span) => span.attributes["venta.request_id"] === requestId);
    expect(new Set(ofRequest.map((span) => span.traceId))).toEqual(new Set([traceId]));
    expect(new Set(ofRequest.map((span) => span.service))).toEqual(
      new Set(["router", "location", "marketplace"]),
    );
    // The gateway's own spans are in it, and each subgraph's server span hangs under a fetch.
    const names = trace.filter((span) => span.service === "router").map((span) => span.name);
    expect(names).toEqual(expect.arrayContaining(["POST /graphql", "gateway.request", "gateway.fetch"]));
    // Into the store: location's and marketplace's database calls are in the same trace.
    for (const service of ["location", "marketplace"])
      expect(trace.some((span) => span.service === service && span.name.startsWith("store "))).toBe(true);
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    for (const service of ["location", "marketplace"]) {
      const server = trace.find((span) => span.service === service && span.name === "POST /graphql");
      expect(server?.parentSpanId && byId.get(server.parentSpanId)?.service).toBe("router");
    }
  });

  it("logs one access line per request at the router: operation, status, duration, caller kind, no token", async () => {
    const requestId = "access-log-1";
    const response = await fetch(`${stack.urls.router}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": requestId, ...owner },
      body: JSON.stringify({ query: NEARBY, variables: { near: DOWNTOWN, radius: 1000 } }),
    });
    expect(response.status).toBe(200);
    const line = await vi.waitFor(() => {
      const lines = stack.logs("router").filter((text) => text.includes(requestId));
      expect(lines).toHaveLength(1);
      return lines[0] as string;
    }, WAIT);
    expect(JSON.parse(line)).toMatchObject({
      msg: "request",
      requestId,
      method: "POST",
      path: "/graphql",
      operation: "Nearby",
      status: 200,
      caller: "person",
      durationMs: expect.any(Number),
    });
    const token = (owner.authorization ?? "").replace("Bearer ", "");
    expect(line).not.toContain(token);
  });
});
