import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { anonymous } from "@venta/auth";
import { destinationPoint } from "@venta/geo";
import { assembleServices } from "@venta/kit";
import { SqliteLiveFeed } from "@venta/live";
import { testLogger } from "@venta/testing";
import { execute, type GraphQLSchema, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locationContext } from "../context.js";
import { locationModules } from "../modules.js";
import { buildLocationSchema } from "../schema.js";
import { openSqlite } from "../stores.js";

const AUSTIN = { lat: 30.2672, lng: -97.7431 };
const T0 = new Date("2026-03-02T18:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
const NEARBY = `query ($near: GeoPointInput!, $first: Int, $after: String) {
  nearbyVendors(near: $near, radiusMeters: 1000, first: $first, after: $after, filter: { openNow: true }) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string } }[];
}

describe("nearbyVendors(filter: { openNow: true })", () => {
  let schema: GraphQLSchema;
  let stores: ReturnType<typeof openSqlite>;
  let feed: SqliteLiveFeed;
  let clock = T0;
  let context: ReturnType<typeof locationContext>;

  beforeAll(async () => {
    schema = await buildLocationSchema();
    stores = openSqlite(":memory:");
    feed = new SqliteLiveFeed(join(mkdtempSync(join(tmpdir(), "venta-live-")), "live.db"), 5);
    context = locationContext(
      locationModules,
      assembleServices(locationModules, stores, { feed, liveWindowSeconds: 120, now: () => clock }),
    );
    const vendors = [
      ["lunch", true, [{ start: at(-1), end: at(1) }]],
      ["dinner", true, [{ start: at(2), end: at(5) }]],
      ["status-only", true, undefined],
      ["closed-in-hours", false, [{ start: at(-1), end: at(5) }]],
    ] as const;
    for (const [i, [vendorId, isOpen, intervals]] of vendors.entries()) {
      await stores.positions.applyVendor({
        vendorId,
        cuisines: ["tacos"],
        isOpen,
        ownerId: null,
        version: 1,
      });
      await stores.positions.record({
        vendorId,
        ...destinationPoint(AUSTIN, 0, 100 * (i + 1)),
        accuracyMeters: null,
        heading: null,
        recordedAt: T0,
      });
      if (intervals)
        await stores.positions.applyOpenHours({
          vendorId,
          intervals: [...intervals],
          horizonEnd: at(24 * 14),
          updatedAt: T0,
        });
    }
  });
  afterAll(async () => {
    await feed.close();
    await stores.close();
  });

  const page = async (variables: Record<string, unknown> = {}) => {
    const result = await execute({
      schema,
      document: parse(NEARBY),
      variableValues: { near: AUSTIN, ...variables },
      contextValue: context({ requestId: "test", log: testLogger, viewer: anonymous }),
    });
    expect(result.errors).toBeUndefined();
    return result.data?.nearbyVendors as Page;
  };
  const ids = (p: Page) => p.edges.map((e) => e.node.id);

  it("judges openness at the request's clock by status and published hours, counts included", async () => {
    clock = T0;
    const now = await page();
    expect(ids(now)).toEqual(["lunch", "status-only"]);
    expect(now.totalCount).toBe(2);
    clock = at(3);
    const later = await page();
    expect(ids(later)).toEqual(["dinner", "status-only"]);
    expect(later.totalCount).toBe(2);
  });

  it("pages through open vendors agreeing with totalCount", async () => {
    clock = at(3);
    const first = await page({ first: 1 });
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const second = await page({ first: 1, after: first.pageInfo.endCursor });
    expect([...ids(first), ...ids(second)]).toEqual(["dinner", "status-only"]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});
