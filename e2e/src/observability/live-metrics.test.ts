import { parseSamples, postGraphQL, type Stack, sampleSum, startStack } from "@venta/testing";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, liveClient, until } from "../live-map/live-client.js";
import { untilListed, verifyVendor } from "../onboarding/verify-vendor.js";

const VIEWPORT = { south: 30.26, west: -97.75, north: 30.275, east: -97.735 };
const INSIDE = { lat: 30.2672, lng: -97.7431 };
const INSIDE_TOO = { lat: 30.27, lng: -97.74 };

const SUBSCRIPTION = `subscription MetricsLive($box: BoundingBoxInput!) {
  vendorLocationUpdated(within: $box) { kind vendor { id } }
}`;

async function routerSamples(stack: Stack) {
  return parseSamples(await (await fetch(`${stack.urls.router}/metrics`)).text());
}

describe("live feed metrics at the router", () => {
  let stack: Stack;
  let client: Client;
  let vendorId: string;
  let owner: Record<string, string>;
  const move = (point: { lat: number; lng: number }) =>
    postGraphQL(
      `${stack.urls.router}/graphql`,
      "mutation ($input: UpdateVendorLocationInput!) { updateVendorLocation(input: $input) { isLive } }",
      { input: { vendorId, ...point } },
      owner,
    );

  beforeAll(async () => {
    stack = await startStack();
    client = liveClient(stack.urls.router);
    ({ headers: owner } = await stack.signUp("Metrics Cart Owner", ["VENDOR"]));
    const vendor = await postGraphQL<{ createVendor: { id: string } }>(
      `${stack.urls.router}/graphql`,
      "mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }",
      { input: { name: "Metrics Taco Cart", cuisines: ["tacos"] } },
      owner,
    );
    vendorId = vendor.data?.createVendor.id as string;
    if (!vendorId) throw new Error(`could not create a vendor: ${JSON.stringify(vendor.errors)}`);
    await verifyVendor(stack, vendorId);
    // Location learns of the vendor from marketplace's event, a moment after it is created.
    for (let attempt = 0; attempt < 100 && (await move(INSIDE)).errors; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await untilListed(stack, INSIDE, 100, [vendorId]);
  }, 60_000);

  afterAll(async () => {
    await client?.dispose();
    await stack?.close();
  });

  it("shows the socket and subscription, the events fanned out, and their latency, whole and by stage", async () => {
    const before = await routerSamples(stack);
    const fannedBefore = sampleSum(before, "venta_live_events_fanned_out_total", { service: "router" });
    const latencyBefore = sampleSum(before, "venta_live_accept_to_socket_seconds_count");
    const feedBefore = sampleSum(before, "venta_live_feed_delay_seconds_count");
    const routerBefore = sampleSum(before, "venta_live_router_to_socket_seconds_count");

    const subscription = collect(client, SUBSCRIPTION, { box: VIEWPORT });
    // The subscription runs once the router has it; moves before that would not reach it.
    const deadline = Date.now() + 10_000;
    while (sampleSum(await routerSamples(stack), "venta_live_subscriptions", { service: "router" }) < 1) {
      if (Date.now() > deadline) throw new Error("the subscription never started");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect((await move(INSIDE_TOO)).errors).toBeUndefined();
    await until(() => subscription.events.length > 0, 10_000, "a live event");

    const during = await routerSamples(stack);
    expect(sampleSum(during, "venta_live_sockets", { service: "router" })).toBeGreaterThanOrEqual(1);
    expect(sampleSum(during, "venta_live_subscriptions", { service: "router" })).toBeGreaterThanOrEqual(1);
    expect(sampleSum(during, "venta_live_events_fanned_out_total", { service: "router" })).toBeGreaterThan(
      fannedBefore,
    );
    expect(sampleSum(during, "venta_live_accept_to_socket_seconds_count")).toBeGreaterThan(latencyBefore);
    // Split in two: the feed up to the router hearing the update, and the router up to the socket.
    expect(sampleSum(during, "venta_live_feed_delay_seconds_count")).toBeGreaterThan(feedBefore);
    expect(sampleSum(during, "venta_live_router_to_socket_seconds_count")).toBeGreaterThan(routerBefore);

    subscription.stop();
    await client.dispose();
    const gone = Date.now() + 5_000;
    while (sampleSum(await routerSamples(stack), "venta_live_sockets", { service: "router" }) > 0) {
      if (Date.now() > gone) throw new Error("the socket was never counted closed");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(sampleSum(await routerSamples(stack), "venta_live_subscriptions", { service: "router" })).toBe(0);
  });
});
