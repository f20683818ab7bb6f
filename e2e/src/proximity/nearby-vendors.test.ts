import { destinationPoint, type GeoPoint, greatCircleMeters } from "@venta/geo";
import { postGraphQL, type Stack, startStack } from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { untilListed, verifyVendor } from "../onboarding/verify-vendor.js";

const DOWNTOWN: GeoPoint = { lat: 30.2672, lng: -97.7431 };

interface Placed {
  id: string;
  name: string;
  point: GeoPoint;
  cuisines: string[];
  status: "OPEN" | "CLOSED";
}

const NEARBY = `query Nearby($near: GeoPointInput!, $radius: Float, $first: Int, $after: String, $filter: NearbyVendorsFilter) {
  nearbyVendors(near: $near, radiusMeters: $radius, first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor distanceMeters node { id name cuisines location { point { lat lng } isLive updatedAt } } }
  }
}`;

type NearbyData = {
  nearbyVendors: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      distanceMeters: number;
      node: {
        id: string;
        name: string;
        cuisines: string[];
        location: { point: GeoPoint; isLive: boolean } | null;
      };
    }[];
  };
};

const UPDATE = `mutation Move($input: UpdateVendorLocationInput!) {
  updateVendorLocation(input: $input) { point { lat lng } updatedAt isLive }
}`;

describe("who is selling near me, through the router", () => {
  let stack: Stack;
  let graphql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) => ReturnType<typeof postGraphQL<T>>;
  /** The vendors' owner: every mutation here is theirs; queries stay anonymous. */
  let owner: Record<string, string>;
  /** A mutation by the owner. */
  const asOwner = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
    graphql<T>(query, variables, owner);
  const placed: Placed[] = [];

  /** Marketplace announces a vendor on the bus; location accepts positions once it has heard. */
  async function moveWhenKnown(vendorId: string, point: GeoPoint) {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const result = await asOwner(UPDATE, { input: { vendorId, ...point, accuracyMeters: 5 } });
      if (!result.errors) return result;
      expect(result.errors[0]?.extensions?.code).toBe("NOT_FOUND");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`location never learned about vendor ${vendorId}`);
  }

  beforeAll(async () => {
    stack = await startStack();
    const url = `${stack.urls.router}/graphql`;
    graphql = (query, variables, headers) => postGraphQL(url, query, variables, headers);
    ({ headers: owner } = await stack.signUp("Owner", ["VENDOR"]));
    for (let i = 0; i < 36; i += 1) {
      const cuisines = i % 3 === 0 ? ["tacos"] : i % 3 === 1 ? ["coffee"] : ["bbq", "tacos"];
      const status = i % 2 === 0 ? "OPEN" : "CLOSED";
      const created = await asOwner<{ createVendor: { id: string; name: string } }>(
        `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id name } }`,
        { input: { name: `Truck ${i}`, cuisines, status } },
      );
      expect(created.errors).toBeUndefined();
      const vendor = created.data?.createVendor as { id: string; name: string };
      // Only verified vendors are listed for customers.
      await verifyVendor(stack, vendor.id);
      // A spiral: distances from 100 m to ~3.6 km in every direction.
      const point = destinationPoint(DOWNTOWN, (i * 137) % 360, 100 + i * 100);
      placed.push({ ...vendor, point, cuisines, status });
    }
    for (const vendor of placed) await moveWhenKnown(vendor.id, vendor.point);
    await untilListed(
      stack,
      DOWNTOWN,
      5000,
      placed.map((vendor) => vendor.id),
    );
  }, 120_000);

  afterAll(() => stack?.close());

  it("returns vendors with names and positions, nearest first, within the radius, paging without repeats", async () => {
    const expected = placed
      .map((v) => ({ ...v, distance: greatCircleMeters(DOWNTOWN, v.point) }))
      .filter((v) => v.distance <= 2000)
      .sort((a, b) => a.distance - b.distance);
    const seen: NearbyData["nearbyVendors"]["edges"] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result = await graphql<NearbyData>(NEARBY, { near: DOWNTOWN, radius: 2000, first: 4, after });
      expect(result.errors).toBeUndefined();
      const connection = result.data?.nearbyVendors as NearbyData["nearbyVendors"];
      expect(connection.totalCount).toBe(expected.length);
      seen.push(...connection.edges);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen.map((e) => e.node.name)).toEqual(expected.map((v) => v.name));
    seen.forEach((edge, i) => {
      expect(edge.distanceMeters).toBeCloseTo(expected[i]?.distance ?? Number.NaN, 3);
      expect(edge.distanceMeters).toBeLessThanOrEqual(2000);
      expect(edge.node.location?.isLive).toBe(true);
      expect(edge.node.location?.point.lat).toBeCloseTo(expected[i]?.point.lat ?? Number.NaN, 9);
    });
  });

  it("applies cuisine and open-now filters inside the search, so counts match the pages", async () => {
    const result = await graphql<NearbyData>(NEARBY, {
      near: DOWNTOWN,
      radius: 5000,
      first: 100,
      filter: { cuisines: ["TACOS"], openNow: true, liveOnly: true },
    });
    const expected = placed
      .filter((v) => v.cuisines.includes("tacos") && v.status === "OPEN")
      .map((v) => v.name);
    const names = result.data?.nearbyVendors.edges.map((e) => e.node.name) ?? [];
    expect(names.sort()).toEqual(expected.sort());
    expect(result.data?.nearbyVendors.totalCount).toBe(expected.length);
  });

  it("sees an update in the next query, and ignores a late report for the current position", async () => {
    const vendor = placed[20] as Placed;
    const target = destinationPoint(DOWNTOWN, 0, 10);
    const moved = await asOwner(UPDATE, { input: { vendorId: vendor.id, ...target } });
    expect(moved.errors).toBeUndefined();
    const late = await asOwner<{ updateVendorLocation: { point: GeoPoint } }>(UPDATE, {
      input: {
        vendorId: vendor.id,
        lat: 30.3,
        lng: -97.8,
        recordedAt: new Date(Date.now() - 3_600_000).toISOString(),
      },
    });
    expect(late.data?.updateVendorLocation.point.lat).toBeCloseTo(target.lat, 9);
    const nearest = await graphql<NearbyData>(NEARBY, { near: DOWNTOWN, radius: 50, first: 1 });
    expect(nearest.data?.nearbyVendors.edges[0]?.node.id).toBe(vendor.id);
    const history = await graphql<{
      vendor: { locationHistory: { edges: { node: { point: GeoPoint } }[] } };
    }>(
      `query ($id: ID!) { vendor(id: $id) { locationHistory(first: 3) { edges { node { point { lat lng } } } } } }`,
      { id: vendor.id },
    );
    // Newest recording first: the move, then the original placement; the late report sorts last.
    const lats = history.data?.vendor.locationHistory.edges.map((e) => e.node.point.lat);
    expect(lats?.[0]).toBeCloseTo(target.lat, 9);
    expect(lats).toHaveLength(3);
  });

  it.each([
    ["latitude above 90", NEARBY, { near: { lat: 91, lng: 0 } }, "BAD_USER_INPUT"],
    ["longitude below -180", NEARBY, { near: { lat: 0, lng: -181 } }, "BAD_USER_INPUT"],
    ["a negative radius", NEARBY, { near: DOWNTOWN, radius: -5 }, "BAD_USER_INPUT"],
    ["a radius over 50 km", NEARBY, { near: DOWNTOWN, radius: 50_001 }, "BAD_USER_INPUT"],
    ["first over 100", NEARBY, { near: DOWNTOWN, first: 101 }, "BAD_USER_INPUT"],
    ["a malformed cursor", NEARBY, { near: DOWNTOWN, after: "bm90LWEtY3Vyc29y" }, "BAD_USER_INPUT"],
    ["an unknown vendor", UPDATE, { input: { vendorId: "no-such-vendor", lat: 30, lng: -97 } }, "NOT_FOUND"],
    ["a latitude out of range", UPDATE, { input: { vendorId: "x", lat: -90.5, lng: -97 } }, "BAD_USER_INPUT"],
  ])("answers %s with a coded error and no stack trace", async (_name, query, variables, code) => {
    // The reports come from the owner, so what is refused is the report itself, not the caller.
    const result = query === UPDATE ? await asOwner(query, variables) : await graphql(query, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it("refuses a cursor taken from a different search", async () => {
    const first = await graphql<NearbyData>(NEARBY, { near: DOWNTOWN, radius: 2000, first: 2 });
    const cursor = first.data?.nearbyVendors.pageInfo.endCursor;
    const other = await graphql(NEARBY, { near: DOWNTOWN, radius: 3000, first: 2, after: cursor });
    expect(other.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a report from more than a minute in the future and writes nothing", async () => {
    const vendor = placed[5] as Placed;
    const before = await graphql<{ vendor: { location: { point: GeoPoint } } }>(
      `query ($id: ID!) { vendor(id: $id) { location { point { lat lng } } } }`,
      { id: vendor.id },
    );
    const result = await asOwner(UPDATE, {
      input: {
        vendorId: vendor.id,
        lat: 30.1,
        lng: -97.6,
        recordedAt: new Date(Date.now() + 120_000).toISOString(),
      },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "recordedAt" });
    const after = await graphql(`query ($id: ID!) { vendor(id: $id) { location { point { lat lng } } } }`, {
      id: vendor.id,
    });
    expect(after.data).toEqual(before.data);
  });

  it("records a fleet's batch, and refuses a batch with a bad or unknown report without writing any of it", async () => {
    const BATCH = `mutation ($inputs: [UpdateVendorLocationInput!]!) { updateVendorLocations(inputs: $inputs) { point { lat lng } } }`;
    const [a, b] = placed.slice(30, 32) as [Placed, Placed];
    const where = (vendor: Placed) =>
      graphql<{ vendor: { location: { point: GeoPoint } } }>(
        `query ($id: ID!) { vendor(id: $id) { location { point { lat lng } } } }`,
        {
          id: vendor.id,
        },
      ).then((r) => r.data?.vendor.location.point);
    const before = [await where(a), await where(b)];
    for (const [inputs, code] of [
      [
        [
          { vendorId: a.id, lat: 30.2, lng: -97.7 },
          { vendorId: b.id, lat: 91, lng: -97.7 },
        ],
        "BAD_USER_INPUT",
      ],
      [
        [
          { vendorId: a.id, lat: 30.2, lng: -97.7 },
          { vendorId: "nobody", lat: 30.2, lng: -97.7 },
        ],
        "NOT_FOUND",
      ],
    ] as const) {
      const refused = await asOwner(BATCH, { inputs });
      expect(refused.errors?.[0]?.extensions?.code).toBe(code);
    }
    expect([await where(a), await where(b)]).toEqual(before);
    const accepted = await asOwner<{ updateVendorLocations: { point: GeoPoint }[] }>(BATCH, {
      inputs: [
        { vendorId: a.id, ...a.point },
        { vendorId: b.id, ...b.point },
      ],
    });
    expect(accepted.data?.updateVendorLocations).toHaveLength(2);
  });

  it("blocks requests a browser could send cross-site without a preflight (CSRF)", async () => {
    const response = await fetch(`${stack.urls.router}/graphql`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.status).toBe(400);
  });

  it("reports every subgraph on /health", async () => {
    const health = (await (await fetch(`${stack.urls.router}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({
      status: "ok",
      subgraphs: { marketplace: { status: "ok" }, location: { status: "ok" } },
    });
  });

  it("serves partial data with an error while a subgraph is down, and recovers", async () => {
    const vendor = placed[0] as Placed;
    const query = `query ($id: ID!) { vendor(id: $id) { name location { point { lat } } } }`;
    expect(await stack.stop("location")).toBe(0);
    try {
      const result = await graphql<{ vendor: { name: string; location: null } }>(query, { id: vendor.id });
      expect(result.data?.vendor).toEqual({ name: vendor.name, location: null });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        service: "location",
      });
      expect(JSON.stringify(result.errors)).not.toContain("127.0.0.1");
      const response = await fetch(`${stack.urls.router}/health`);
      expect(response.status).toBe(503);
      const health = (await response.json()) as Record<string, unknown>;
      expect(health).toMatchObject({ status: "degraded", subgraphs: { location: { status: "down" } } });
    } finally {
      await stack.start("location");
    }
    const recovered = await graphql<{ vendor: { location: { point: { lat: number } } } }>(query, {
      id: vendor.id,
    });
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data?.vendor.location.point.lat).toBeCloseTo(vendor.point.lat, 9);
  });
});
