import { postGraphQL, redisForTests, type Stack, startStack } from "@venta/testing";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { untilListed, verifyVendor } from "../onboarding/verify-vendor.js";
import { collect, liveClient, type Received, until } from "./live-client.js";

const redisUrl = await redisForTests();

const VIEWPORT = { south: 30.26, west: -97.75, north: 30.275, east: -97.735 };
const INSIDE = { lat: 30.2672, lng: -97.7431 };
const INSIDE_TOO = { lat: 30.27, lng: -97.74 };
const OUTSIDE = { lat: 30.3, lng: -97.74 };

const SUBSCRIPTION = `subscription ($box: BoundingBoxInput!) {
  vendorLocationUpdated(within: $box) {
    kind
    where: location { point { lat lng } isLive }
    vendor { id name owner { displayName } location { point { lat } } }
  }
}`;

type Event = {
  kind: string;
  where: { point: { lat: number } };
  vendor: { id: string; name: string; owner: { displayName: string } };
};
const kinds = (events: Received[]) =>
  events.map((e) => (e.data?.vendorLocationUpdated as Event | undefined)?.kind);

describe.runIf(redisUrl)("live vendor locations across router instances, on Redis", () => {
  let stack: Stack;
  let routerB: { url: string; stop(): Promise<void> };
  let clientB: Client;
  let vendorId: string;
  /** Ana's: she owns the cart, so its device reports with her token. */
  let owner: Record<string, string>;
  const move = async (point: { lat: number; lng: number }) => {
    const result = await postGraphQL(
      `${stack.urls.router}/graphql`,
      `mutation ($input: UpdateVendorLocationInput!) { updateVendorLocation(input: $input) { isLive } }`,
      { input: { vendorId, ...point } },
      owner,
    );
    return result;
  };

  beforeAll(async () => {
    stack = await startStack({
      env: {
        REDIS_URL: redisUrl,
        LIVE_WINDOW_SECONDS: "3",
        OFFLINE_SWEEP_MS: "200",
        WS_INIT_TIMEOUT_MS: "500",
        MAX_SUBSCRIPTIONS_PER_CONNECTION: "5",
      },
    });
    routerB = await stack.startExtraRouter();
    clientB = liveClient(routerB.url);
    const url = `${stack.urls.router}/graphql`;
    ({ headers: owner } = await stack.signUp("Ana", ["VENDOR"]));
    const vendor = await postGraphQL<{ createVendor: { id: string } }>(
      url,
      `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }`,
      { input: { name: "Live Taco Cart", cuisines: ["tacos"] } },
      owner,
    );
    vendorId = vendor.data?.createVendor.id as string;
    if (!vendorId) throw new Error(`could not create a vendor: ${JSON.stringify(vendor.errors)}`);
    // Only a verified vendor's moves reach live maps.
    await verifyVendor(stack, vendorId);
    // Location learns of the vendor from marketplace's event, a moment after it is created.
    for (let attempt = 0; attempt < 100 && (await move(OUTSIDE)).errors; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await untilListed(stack, OUTSIDE, 100, [vendorId]);
  }, 60_000);

  afterAll(async () => {
    await clientB?.dispose();
    await stack?.close();
  });

  it("delivers ENTERED, MOVED and LEFT on router B for moves posted through router A, with fields from every subgraph", async () => {
    const sub = collect(clientB, SUBSCRIPTION, { box: VIEWPORT });
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const point of [INSIDE, INSIDE_TOO, OUTSIDE]) {
      expect((await move(point)).errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await until(() => sub.events.length >= 3, 5_000, "three events");
    expect(kinds(sub.events)).toEqual(["ENTERED", "MOVED", "LEFT"]);
    const entered = sub.events[0]?.data?.vendorLocationUpdated as Event;
    expect(entered.vendor).toMatchObject({
      id: vendorId,
      name: "Live Taco Cart",
      owner: { displayName: "Ana" },
    });
    expect(entered.where.point.lat).toBeCloseTo(INSIDE.lat, 9);
    sub.stop();
  });

  it("announces OFFLINE when a vendor in the area stops broadcasting", async () => {
    const sub = collect(clientB, SUBSCRIPTION, { box: VIEWPORT });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await move(INSIDE);
    await until(() => kinds(sub.events).includes("OFFLINE"), 10_000, "OFFLINE");
    expect(kinds(sub.events)).toEqual(["ENTERED", "OFFLINE"]);
    sub.stop();
  });

  it("refuses a bad area on that subscription only", async () => {
    const bad = collect(clientB, SUBSCRIPTION, { box: { ...VIEWPORT, south: 31 } });
    const wide = collect(clientB, SUBSCRIPTION, { box: { south: 29, west: -99, north: 31.5, east: -97 } });
    const good = collect(clientB, SUBSCRIPTION, { box: VIEWPORT });
    await until(() => bad.errors.length > 0 && wide.errors.length > 0, 5_000, "errors");
    expect(bad.errors[0]).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
    ]);
    expect(wide.errors[0]).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await move(INSIDE_TOO);
    await until(() => good.events.length > 0, 5_000, "an event on the good subscription");
    good.stop();
  });

  it("limits how many subscriptions one connection may hold", async () => {
    const client = liveClient(routerB.url);
    try {
      const subs = Array.from({ length: 6 }, () => collect(client, SUBSCRIPTION, { box: VIEWPORT }));
      await until(() => subs.some((sub) => sub.errors.length > 0), 5_000, "a refused subscription");
      const refused = subs.filter((sub) => sub.errors.length > 0);
      expect(refused).toHaveLength(1);
      expect(refused[0]?.errors[0]).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: "TOO_MANY_SUBSCRIPTIONS" }) }),
      ]);
    } finally {
      await client.dispose();
    }
  });

  it("closes a socket that never sends connection_init", async () => {
    const socket = new WebSocket(`${routerB.url.replace("http", "ws")}/graphql`, "graphql-transport-ws");
    const code = await new Promise<number>((resolve) =>
      socket.on("close", (closeCode) => resolve(closeCode)),
    );
    expect(code).toBe(4408);
  });
});
