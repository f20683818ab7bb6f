import { postGraphQL, type SignedUp, type Stack, startStack } from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metric } from "../faults/metrics.js";
import { verifyVendor } from "../onboarding/verify-vendor.js";

const POINT = { lat: 30.2672, lng: -97.7431 };
const SINGLE_FETCHES = "venta_router_single_fetch_operations_total";

const NEARBY = `query Near($near: GeoPointInput!, $first: Int) {
  nearbyVendors(near: $near, radiusMeters: 2000, first: $first) {
    totalCount
    pageInfo { hasNextPage }
    edges { distanceMeters node { __typename id location { point { lat lng } isLive } } }
  }
}`;
const NEARBY_NAMED = `query { nearbyVendors(near: { lat: ${POINT.lat}, lng: ${POINT.lng} }) { edges { node { id name } } } }`;
const MOVE = `mutation Move($input: UpdateVendorLocationInput!) {
  moved: updateVendorLocation(input: $input) { point { lat lng } isLive }
}`;
const GEOFENCE = `query Fence($id: ID!) { geofence(id: $id) { id name } }`;

/**
 * Apollo keeps one parsed document per exact operation text, and the router learns per document.
 * The same operation with a trailing space is a new document: its first request takes the
 * gateway's way again, which is what each short answer is compared with.
 */
const again = (query: string) => `${query} `;

describe("operations one subgraph answers alone skip the gateway's reshaping, with the same answers", () => {
  let stack: Stack;
  let owner: SignedUp;
  let vendorId: string;
  const ask = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    postGraphQL(`${stack.urls.router}/graphql`, query, variables, headers);
  const shortAnswers = () => metric(stack, "router", SINGLE_FETCHES);

  /** The gateway's answer (first request), the short one (second), and how many took the short way. */
  async function bothWays(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) {
    const before = await shortAnswers();
    const gateway = await ask(query, variables, headers);
    const short = await ask(query, variables, headers);
    return { gateway, short, shortCount: (await shortAnswers()) - before };
  }

  beforeAll(async () => {
    stack = await startStack();
    owner = await stack.signUp("Noor", ["VENDOR"]);
    const created = await ask(
      `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }`,
      { input: { name: "Single Fetch Falafel", cuisines: ["middle-eastern"], status: "OPEN" } },
      owner.headers,
    );
    vendorId = (created.data as { createVendor: { id: string } } | undefined)?.createVendor.id as string;
    if (!vendorId) throw new Error(`could not create a vendor: ${JSON.stringify(created.errors)}`);
    await verifyVendor(stack, vendorId);
    // Location learns of the vendor from marketplace's event, a moment after it is created.
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const moved = await ask(again(MOVE), { input: { vendorId, ...POINT } }, owner.headers);
      if (!moved.errors) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("location never learnt of the vendor");
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  it("a location-only query: the second request is answered short, exactly as the gateway answers it", async () => {
    const { gateway, short, shortCount } = await bothWays(NEARBY, { near: POINT, first: 5 });
    expect(gateway.errors).toBeUndefined();
    expect(gateway.data).toMatchObject({ nearbyVendors: { totalCount: 1 } });
    expect(short).toEqual(gateway);
    expect(shortCount).toBe(1);
  });

  it("a mutation: answered short, with the same answer and the same effect", async () => {
    const input = { vendorId, lat: POINT.lat + 0.001, lng: POINT.lng };
    const { gateway, short, shortCount } = await bothWays(MOVE, { input }, owner.headers);
    expect(gateway.errors).toBeUndefined();
    expect(gateway.data).toEqual({ moved: { point: { lat: input.lat, lng: input.lng }, isLive: true } });
    expect(short).toEqual(gateway);
    expect(shortCount).toBe(1);
  });

  it("variables the operation does not accept: the same refusal as the gateway's, and nothing sent", async () => {
    await ask(NEARBY, { near: POINT });
    const wrong = { near: { lat: "north", lng: POINT.lng } };
    const before = await metric(stack, "router", "venta_router_subgraph_fetch_duration_seconds_count", {
      subgraph: "location",
    });
    const short = await ask(NEARBY, wrong);
    const gateway = await ask(again(NEARBY), wrong);
    expect(short.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(short).toEqual(gateway);
    expect(
      await metric(stack, "router", "venta_router_subgraph_fetch_duration_seconds_count", {
        subgraph: "location",
      }),
    ).toBe(before);
  });

  it("a subgraph's error: the same message, code and path, without the subgraph's name", async () => {
    // Fences are their managers' business: an anonymous caller is refused by location itself.
    const { gateway, short, shortCount } = await bothWays(GEOFENCE, { id: vendorId });
    expect(gateway.errors?.[0]?.path).toEqual(["geofence"]);
    expect(JSON.stringify(gateway.errors)).not.toContain("serviceName");
    expect(short).toEqual(gateway);
    expect(shortCount).toBe(1);
  });

  it("another person's vendor: refused the same way on either path", async () => {
    const stranger = await stack.signUp("Ilse", ["VENDOR"]);
    const input = { input: { vendorId, ...POINT } };
    const { gateway, short } = await bothWays(again(again(MOVE)), input, stranger.headers);
    expect(gateway.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(short).toEqual(gateway);
  });

  it("operations that need more than one fetch, or the gateway's own fields, always take the gateway's way", async () => {
    const before = await shortAnswers();
    for (const query of [
      NEARBY_NAMED,
      `query { __typename nearbyVendors(near: { lat: 1, lng: 1 }) { totalCount } }`,
    ]) {
      const first = await ask(query);
      const second = await ask(query);
      expect(first.errors).toBeUndefined();
      expect(second).toEqual(first);
    }
    expect(await shortAnswers()).toBe(before);
  });

  it("a subgraph that is down: the short answer is the gateway's partial answer with its coded error", async () => {
    await ask(NEARBY, { near: POINT, first: 1 });
    await stack.kill("location", "SIGKILL");
    try {
      const short = await ask(NEARBY, { near: POINT, first: 1 });
      const gateway = await ask(again(NEARBY), { near: POINT, first: 1 });
      expect(gateway.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
      expect(short).toEqual(gateway);
    } finally {
      await stack.start("location");
    }
  });
});
