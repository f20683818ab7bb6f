import type { GeoPoint } from "@venta/geo";
import { eventually, postGraphQL, type SignedUp, type Stack, startStack } from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, liveClient, until } from "../live-map/live-client.js";
import { untilListed, verifyVendor } from "../onboarding/verify-vendor.js";
import { metric } from "./metrics.js";
import { readinessBecomes } from "./readiness.js";
import { type DedicatedRedis, dedicatedRedis } from "./redis-server.js";

const HERE = { lat: 30.2672, lng: -97.7431 };
const MOVE = `mutation ($input: UpdateVendorLocationInput!) { updateVendorLocation(input: $input) { isLive } }`;
const FOLLOW = `subscription ($ids: [ID!]) { vendorLocationUpdated(vendorIds: $ids) { kind vendor { id name } } }`;

describe("fault drill: Redis restarted under live subscriptions and the event bus", () => {
  let redis: DedicatedRedis;
  let stack: Stack;
  let owner: SignedUp;
  let first: string;

  const graphql = <T>(query: string, variables: Record<string, unknown>, headers = owner.headers) =>
    postGraphQL<T>(`${stack.urls.router}/graphql`, query, variables, headers);
  const createVendor = async (name: string) => {
    const created = await graphql<{ createVendor: { id: string } }>(
      `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }`,
      { input: { name, cuisines: ["tacos"], status: "OPEN" } },
    );
    const id = created.data?.createVendor.id;
    if (!id) throw new Error(`could not create ${name}: ${JSON.stringify(created.errors)}`);
    await verifyVendor(stack, id);
    return id;
  };
  /** Moves the vendor, retrying while location has not yet heard of it from marketplace's events. */
  const moveOnceKnown = async (vendorId: string, point: GeoPoint, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const moved = await graphql(MOVE, { input: { vendorId, ...point } });
      if (!moved.errors) return;
      if (Date.now() > deadline)
        throw new Error(`location never accepted a move: ${JSON.stringify(moved.errors)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    redis = await dedicatedRedis();
    stack = await startStack({ env: { REDIS_URL: redis.url } });
    owner = await stack.signUp("Marisol", ["VENDOR"]);
    first = await createVendor("Before The Outage Tacos");
    await moveOnceKnown(first, HERE);
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
    await redis?.close();
  });

  it("subscriptions resume and no event is lost: what was written during the outage crosses the bus after it", async () => {
    const client = liveClient(stack.urls.router);
    let socketClosed = false;
    client.on("closed", () => {
      socketClosed = true;
    });
    const sub = collect(client, FOLLOW, { ids: [first] });
    let step = 0;
    /** Moves the first vendor a metre at a time until the subscriber has one more event. */
    const untilDelivered = async (what: string) => {
      const seen = sub.events.length;
      const deadline = Date.now() + 15_000;
      while (sub.events.length === seen) {
        if (Date.now() > deadline) throw new Error(`no live event ${what}`);
        step += 1;
        await graphql(MOVE, { input: { vendorId: first, lat: HERE.lat + step * 1e-5, lng: HERE.lng } });
        await until(() => sub.events.length > seen, 500, "").catch(() => {});
      }
    };
    try {
      await untilDelivered("before the outage");
      expect(await readinessBecomes(stack.urls.router, 200)).toBe(200);

      await redis.stop();
      // Every service that needs the bus says so, and the router with them.
      for (const name of ["marketplace", "location", "communication"] as const)
        expect(await readinessBecomes(stack.urls[name], 503)).toBe(503);
      expect(await readinessBecomes(stack.urls.router, 503)).toBe(503);
      // Written during the outage: the vendor and its verification wait in marketplace's outbox.
      const during = await createVendor("During The Outage Elotes");

      await redis.start();
      for (const name of ["marketplace", "location", "communication", "router"] as const)
        expect(await readinessBecomes(stack.urls[name], 200)).toBe(200);

      // The subscription, on the same socket, gets the next moves.
      await untilDelivered("after Redis came back");
      expect(sub.errors).toEqual([]);
      expect(socketClosed).toBe(false);
      const last = sub.events.at(-1)?.data?.vendorLocationUpdated as { vendor: { id: string } } | undefined;
      expect(last?.vendor.id).toBe(first);

      // No event lost: location learned of the vendor created and verified during the outage.
      await moveOnceKnown(during, { lat: HERE.lat + 0.001, lng: HERE.lng });
      await untilListed(stack, { lat: HERE.lat + 0.001, lng: HERE.lng }, 200, [during]);
      // What the metrics showed: marketplace's outbox drained, and no consumer gave up on an event.
      for (const name of ["marketplace", "location", "communication"] as const) {
        expect(await metric(stack, name, "venta_event_bus_dead_letters"), name).toBe(0);
      }
      const outboxDepth = () => metric(stack, "marketplace", "venta_outbox_depth");
      expect(await eventually(outboxDepth, (depth) => depth === 0, 5_000)).toBe(0);
    } finally {
      sub.stop();
      await client.dispose();
    }
    // Redis down and up, and the bus consumers' backoff: longer than one request's test.
  }, 60_000);
});
