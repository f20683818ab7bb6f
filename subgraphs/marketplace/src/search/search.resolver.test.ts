import type { Consumption } from "@venta/events";
import { destinationPoint } from "@venta/geo";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";
import { followSearchEvents } from "./search.projection.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

const AUSTIN = { lat: 30.2672, lng: -97.7431 };

const SEARCH = `query ($query: String!, $near: GeoPointInput, $radiusMeters: Float, $filter: SearchVendorsFilter, $first: Int, $after: String) {
  searchVendors(query: $query, near: $near, radiusMeters: $radiusMeters, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor score distanceMeters node { id name } highlights { field text ranges { start length } } }
  }
}`;

interface SearchEdge {
  cursor: string;
  score: number;
  distanceMeters: number | null;
  node: { id: string; name: string };
  highlights: { field: string; text: string; ranges: { start: number; length: number }[] }[];
}
interface SearchConnection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: SearchEdge[];
}

describe("searchVendors and trendingVendors", () => {
  let h: Harness;
  let indexing: Consumption;
  const ownerId = "owner-1";

  beforeEach(async () => {
    h = await marketplaceHarness();
    indexing = followSearchEvents(h.bus, h.services.searchIndex, testLogger);
    await h.services.users.register("Owner", { id: ownerId });
  });
  afterEach(async () => {
    await indexing.stop();
    await h.close();
  });

  /** A verified vendor, optionally with a position reported `secondsAgo` at `meters` north of Austin. */
  async function vendor(
    id: string,
    name: string,
    options: { meters?: number; secondsAgo?: number; cuisines?: string[]; description?: string } = {},
  ) {
    await h.services.vendors.create(
      {
        name,
        cuisines: options.cuisines ?? ["tacos"],
        description: options.description,
        ownerId,
        status: "OPEN",
      },
      { id, verified: true },
    );
    // The vendor's announcement goes through the outbox: on the bus before its position.
    await h.relay.flush();
    if (options.meters !== undefined) {
      await h.bus.publish("location.vendor_location_updated", {
        vendorId: id,
        ...destinationPoint(AUSTIN, 0, options.meters),
        accuracyMeters: 5,
        heading: null,
        recordedAt: new Date(Date.now() - (options.secondsAgo ?? 10) * 1000).toISOString(),
      });
    }
  }

  /** Waits until the consumer has indexed everything published so far. */
  async function indexed(): Promise<void> {
    await h.relay.flush();
    await h.bus.publish("marketplace.vendor_created", {
      vendorId: "sentinel",
      name: "Sentinel",
      cuisines: ["zzz"],
      status: "OPEN",
      version: Date.now(),
      updatedAt: new Date().toISOString(),
      verification: "REJECTED",
    });
    await expect
      .poll(async () => (await h.services.searchIndex.documents(["sentinel"])).length, { timeout: 5000 })
      .toBe(1);
  }

  const search = async (variables: Record<string, unknown>) => {
    const result = await h.run(SEARCH, variables);
    expect(result.errors).toBeUndefined();
    return result.data?.searchVendors as SearchConnection;
  };

  it("finds vendors as the customer types, near them, with distance, score and highlights", async () => {
    await vendor("v-taco", "Taco Loco", { meters: 300 });
    await vendor("v-jal", "Jalapeño Express", { meters: 800, cuisines: ["tex-mex"] });
    await vendor("v-far", "Taco Lejos", { meters: 9000 });
    await vendor("v-nowhere", "Taco Nowhere");
    await h.services.vendors.create({ name: "Taco Draft", cuisines: ["tacos"], ownerId }, { id: "v-draft" });
    await indexed();

    const near = await search({ query: "tac", near: AUSTIN });
    expect(near.totalCount).toBe(1);
    expect(near.edges[0]).toMatchObject({
      node: { id: "v-taco", name: "Taco Loco" },
      highlights: [
        { field: "NAME", text: "Taco Loco", ranges: [{ start: 0, length: 4 }] },
        { field: "CUISINE", text: "tacos", ranges: [{ start: 0, length: 5 }] },
      ],
    });
    expect(near.edges[0]?.distanceMeters).toBeCloseTo(300, 3);
    expect(near.edges[0]?.score).toBeGreaterThan(0);
    expect(near.edges[0]?.score).toBeLessThanOrEqual(1);

    // Without a point: every verified match, and no distance.
    const anywhere = await search({ query: "TACO" });
    expect(anywhere.edges.map((e) => e.node.id).sort()).toEqual(["v-far", "v-nowhere", "v-taco"]);
    expect(anywhere.edges.every((e) => e.distanceMeters === null)).toBe(true);

    expect((await search({ query: "jalapeno" })).edges.map((e) => e.node.id)).toEqual(["v-jal"]);
    expect((await search({ query: "tex m", near: AUSTIN, radiusMeters: 1000 })).totalCount).toBe(1);
    expect((await search({ query: "taco", filter: { cuisines: ["tex-mex"] } })).totalCount).toBe(0);
    expect((await search({ query: '"taco" OR NEAR(*' })).totalCount).toBe(0);
  });

  it("ranks the closer, fresher, better-rated of two equal text matches first", async () => {
    // Ids chosen so the id tie-break alone would put the worse vendor first.
    await vendor("a-worse", "Taco Twin", { meters: 3500, secondsAgo: 3 * 3600 });
    await vendor("z-better", "Taco Twin", { meters: 100, secondsAgo: 5 });
    await h.bus.publish("marketplace.rating_changed", {
      vendorId: "z-better",
      average: 4.8,
      count: 40,
      updatedAt: new Date().toISOString(),
    });
    await indexed();
    const result = await search({ query: "taco twin", near: AUSTIN });
    expect(result.edges.map((e) => e.node.id)).toEqual(["z-better", "a-worse"]);
    expect(result.edges[0]?.score).toBeGreaterThan(result.edges[1]?.score ?? 1);
  });

  it("pages through the ranking without repeats, agreeing with totalCount", async () => {
    for (let i = 0; i < 7; i += 1) await vendor(`v-${i}`, `Taco Cart ${i}`, { meters: 200 * i });
    await indexed();
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await search({ query: "taco", near: AUSTIN, first: 3, after });
      expect(page.totalCount).toBe(7);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after !== null && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    // Nearest first here: the vendors differ only in distance.
    expect(seen).toEqual(["v-0", "v-1", "v-2", "v-3", "v-4", "v-5", "v-6"]);
  });

  it("filters openNow by the published hours and the status, agreeing with Vendor.openNow", async () => {
    const allWeek = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"].map(
      (weekday) => ({ weekday: weekday as "MONDAY", intervals: [{ opens: "00:00", closes: "24:00" }] }),
    );
    for (const id of ["v-always", "v-never", "v-none", "v-closed"])
      await vendor(id, `Taco ${id.slice(2)}`, { meters: 100 });
    await h.services.vendors.update("v-closed", { status: "CLOSED" });
    await h.services.schedules.set("v-always", { timeZone: "America/Chicago", weeklyHours: allWeek });
    await h.services.schedules.set("v-closed", { timeZone: "America/Chicago", weeklyHours: allWeek });
    // A schedule without hours: OPEN as it says it is, it is never open by its schedule.
    await h.services.schedules.set("v-never", { timeZone: "America/Chicago", weeklyHours: [] });
    await indexed();
    const query = `query ($filter: SearchVendorsFilter, $first: Int, $after: String) {
      searchVendors(query: "taco", near: { lat: 30.2672, lng: -97.7431 }, filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id openNow } } } }`;
    const page = async (variables: Record<string, unknown>) => {
      const result = await h.run(query, variables);
      expect(result.errors).toBeUndefined();
      return result.data?.searchVendors as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { id: string; openNow: boolean } }[];
      };
    };
    const all = await page({});
    expect(all.totalCount).toBe(4);
    const openByField = all.edges.filter((e) => e.node.openNow).map((e) => e.node.id);
    expect(openByField.sort()).toEqual(["v-always", "v-none"]);
    const open = await page({ filter: { openNow: true } });
    expect(open.totalCount).toBe(2);
    expect(open.edges.map((e) => e.node).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: "v-always", openNow: true },
      { id: "v-none", openNow: true },
    ]);
    // Pages of one each agree with the count.
    const first = await page({ filter: { openNow: true }, first: 1 });
    const second = await page({ filter: { openNow: true }, first: 1, after: first.pageInfo.endCursor });
    expect(first.totalCount).toBe(2);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((e) => e.node.id).sort()).toEqual(["v-always", "v-none"]);
  });

  it("refuses a cursor from another search", async () => {
    await vendor("v-1", "Taco One", { meters: 10 });
    await vendor("v-2", "Taco Two", { meters: 20 });
    await indexed();
    const first = await search({ query: "taco", first: 1 });
    const other = await h.run(SEARCH, { query: "taco", near: AUSTIN, after: first.pageInfo.endCursor });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it.each([
    [{ query: "" }, "query"],
    [{ query: "  !!! ??? " }, "query"],
    [{ query: "taco", near: AUSTIN, radiusMeters: 50_001 }, "radiusMeters"],
    [{ query: "taco", radiusMeters: 0 }, "radiusMeters"],
    [{ query: "taco", first: 51 }, "first"],
    [{ query: "taco", first: 0 }, "first"],
    [{ query: "taco", near: { lat: 91, lng: 0 } }, "near.lat"],
    [{ query: "taco", after: "garbage" }, "after"],
  ])("refuses %j with BAD_USER_INPUT", async (variables, field) => {
    const result = await h.run(SEARCH, variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("reads a page's vendors and highlights with one store query each", async () => {
    for (let i = 0; i < 12; i += 1) await vendor(`v-${i}`, `Taco Stand ${i}`, { meters: 100 });
    await indexed();
    const calls = { vendors: 0, documents: 0 };
    const findByIds = h.stores.vendors.findByIds.bind(h.stores.vendors);
    h.stores.vendors.findByIds = (ids) => {
      calls.vendors += 1;
      return findByIds(ids);
    };
    const documents = h.services.searchIndex.documents.bind(h.services.searchIndex);
    h.services.searchIndex.documents = (ids) => {
      calls.documents += 1;
      return documents(ids);
    };
    const page = await search({ query: "taco stand", near: AUSTIN, first: 10 });
    expect(page.edges).toHaveLength(10);
    expect(page.edges.every((e) => e.highlights[0]?.field === "NAME")).toBe(true);
    expect(calls).toEqual({ vendors: 1, documents: 1 });
  });

  it("ranks nearby vendors by recent favorites and reviews", async () => {
    await vendor("v-hot", "Hot Cart", { meters: 100 });
    await vendor("v-warm", "Warm Cart", { meters: 200 });
    await vendor("v-quiet", "Quiet Cart", { meters: 300 });
    await vendor("v-away", "Away Cart", { meters: 20_000 });
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * 24 * 3600_000).toISOString();
    for (const userId of ["u1", "u2"])
      await h.bus.publish("marketplace.favorite_added", { userId, vendorId: "v-hot", at: at(0) });
    await h.bus.publish("marketplace.favorite_added", { userId: "u1", vendorId: "v-warm", at: at(1) });
    await h.bus.publish("marketplace.review_submitted", {
      reviewId: "r1",
      vendorId: "v-warm",
      authorId: "u3",
      rating: 5,
      status: "PUBLISHED",
      submittedAt: at(4),
    });
    await h.bus.publish("marketplace.favorite_added", { userId: "u1", vendorId: "v-away", at: at(0) });
    await indexed();
    const result = await h.run(
      `query ($near: GeoPointInput!) { trendingVendors(near: $near) {
        totalCount edges { score distanceMeters favoritesAdded reviewsSubmitted node { id } } } }`,
      { near: AUSTIN },
    );
    expect(result.errors).toBeUndefined();
    const connection = result.data?.trendingVendors as {
      totalCount: number;
      edges: {
        score: number;
        distanceMeters: number;
        favoritesAdded: number;
        reviewsSubmitted: number;
        node: { id: string };
      }[];
    };
    expect(connection.totalCount).toBe(2);
    expect(connection.edges.map((e) => [e.node.id, e.favoritesAdded, e.reviewsSubmitted])).toEqual([
      ["v-hot", 2, 0],
      ["v-warm", 1, 1],
    ]);
    expect(connection.edges[0]?.score).toBeCloseTo(2, 3);
    expect(connection.edges[1]?.score).toBeCloseTo(2 ** -0.5 + 2 ** -2, 3);

    const bad = await h.run(`{ trendingVendors(near: { lat: 30, lng: -97 }, first: 51) { totalCount } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});
