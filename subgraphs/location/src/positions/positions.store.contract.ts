import { destinationPoint, type GeoPoint, greatCircleMeters } from "@venta/geo";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compareNearby, type NearbyFilter, type NearbyKey, type PositionReport } from "./position.record.js";
import type { PositionsStore } from "./positions.store.js";

export interface OpenedPositionsStore {
  store: PositionsStore;
  close(): Promise<void>;
}

const AUSTIN: GeoPoint = { lat: 30.2672, lng: -97.7431 };
const NOW = new Date("2026-03-01T12:00:00Z");
const CUISINES = ["tacos", "coffee", "bbq", "thai"];

/** A small deterministic generator so every adapter sees the same "random" city. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const report = (vendorId: string, at: GeoPoint, recordedAt = NOW): PositionReport => ({
  vendorId,
  lat: at.lat,
  lng: at.lng,
  accuracyMeters: 5,
  heading: 90,
  recordedAt,
});

interface CityVendor {
  vendorId: string;
  point: GeoPoint;
  cuisines: string[];
  isOpen: boolean;
  recordedAt: Date;
}

async function buildCity(store: PositionsStore, count: number): Promise<CityVendor[]> {
  const random = prng(42);
  const city: CityVendor[] = [];
  for (let i = 0; i < count; i += 1) {
    const vendor: CityVendor = {
      vendorId: `v${String(i).padStart(4, "0")}`,
      point: destinationPoint(AUSTIN, random() * 360, Math.sqrt(random()) * 6000),
      cuisines: [CUISINES[i % 4] as string, ...(i % 7 === 0 ? ["thai"] : [])],
      isOpen: random() < 0.6,
      recordedAt: new Date(NOW.getTime() - Math.floor(random() * 600) * 1000),
    };
    city.push(vendor);
    await store.applyVendor({
      vendorId: vendor.vendorId,
      cuisines: vendor.cuisines,
      isOpen: vendor.isOpen,
      ownerId: `owner-${i % 3}`,
      version: 1,
    });
    await store.record(report(vendor.vendorId, vendor.point, vendor.recordedAt));
  }
  // Two vendors on the very same spot: distance ties must still page deterministically.
  for (const vendorId of ["tie-a", "tie-b"]) {
    const vendor = {
      vendorId,
      point: destinationPoint(AUSTIN, 10, 300),
      cuisines: ["tacos"],
      isOpen: true,
      recordedAt: NOW,
    };
    city.push(vendor);
    await store.applyVendor({ vendorId, cuisines: vendor.cuisines, isOpen: true, ownerId: null, version: 1 });
    await store.record(report(vendorId, vendor.point));
  }
  return city;
}

function bruteForce(
  city: CityVendor[],
  center: GeoPoint,
  radiusMeters: number,
  filter: NearbyFilter,
): NearbyKey[] {
  return city
    .filter((v) => !filter.openNow || v.isOpen)
    .filter((v) => !filter.recordedSince || v.recordedAt >= filter.recordedSince)
    .filter((v) => !filter.cuisines || v.cuisines.some((c) => filter.cuisines?.includes(c)))
    .filter(
      (v) =>
        !filter.within ||
        (v.point.lat >= filter.within.south &&
          v.point.lat <= filter.within.north &&
          v.point.lng >= filter.within.west &&
          v.point.lng <= filter.within.east),
    )
    .map((v) => ({ vendorId: v.vendorId, distanceMeters: greatCircleMeters(center, v.point) }))
    .filter((k) => k.distanceMeters <= radiusMeters)
    .sort(compareNearby);
}

/** The behaviour every positions store must show; each adapter's test file runs it. */
export function positionsStoreContract(adapter: string, open: () => Promise<OpenedPositionsStore>): void {
  describe(`${adapter} positions store`, () => {
    let opened: OpenedPositionsStore;
    let store: PositionsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("applies vendor snapshots in version order only", async () => {
      expect(await store.vendorOwners(["a"])).toEqual(new Map());
      expect(
        await store.applyVendor({
          vendorId: "a",
          cuisines: ["tacos"],
          isOpen: true,
          ownerId: "owner-a",
          version: 2,
        }),
      ).toBe(true);
      expect(
        await store.applyVendor({
          vendorId: "a",
          cuisines: ["bbq"],
          isOpen: false,
          ownerId: "owner-b",
          version: 1,
        }),
      ).toBe(false);
      expect(await store.vendorOwners(["a", "b"])).toEqual(new Map([["a", "owner-a"]]));
      await store.record(report("a", AUSTIN));
      const page = await store.nearby({
        center: AUSTIN,
        radiusMeters: 100,
        first: 10,
        filter: { openNow: true, cuisines: ["tacos"] },
      });
      expect(page.hits.map((h) => h.position.vendorId)).toEqual(["a"]);
    });

    it("keeps a late report in history without moving the current position back", async () => {
      await store.applyVendor({
        vendorId: "a",
        cuisines: ["tacos"],
        isOpen: true,
        ownerId: null,
        version: 1,
      });
      const newer = report("a", AUSTIN, new Date(NOW.getTime()));
      const older = report("a", destinationPoint(AUSTIN, 0, 500), new Date(NOW.getTime() - 60_000));
      expect(await store.record(newer)).toEqual({ current: newer, moved: true, previous: null });
      expect(await store.record(older)).toEqual({ current: newer, moved: false, previous: null });
      expect(await store.currentPositions(["a"])).toEqual([newer]);
      const history = await store.history("a", 10);
      expect(history.entries.map((e) => e.report)).toEqual([newer, older]);
      expect(history.hasNextPage).toBe(false);
      const second = await store.history("a", 1, history.entries[0]?.key);
      expect(second.entries.map((e) => e.report)).toEqual([older]);
    });

    it("records a batch in order, as one report after another", async () => {
      const first = report("a", AUSTIN, NOW);
      const second = report("a", destinationPoint(AUSTIN, 90, 200), new Date(NOW.getTime() + 1000));
      const late = report("a", destinationPoint(AUSTIN, 0, 900), new Date(NOW.getTime() - 1000));
      const other = report("b", AUSTIN, NOW);
      const outcomes = await store.recordMany([first, second, late, other]);
      expect(outcomes.map((o) => o.moved)).toEqual([true, true, false, true]);
      expect(outcomes[1]?.previous).toEqual({ lat: AUSTIN.lat, lng: AUSTIN.lng });
      expect(outcomes[2]?.current).toEqual(second);
      expect((await store.history("a", 10)).entries).toHaveLength(3);
    });

    it("tells where a vendor was before each move", async () => {
      const first = report("a", AUSTIN, NOW);
      const second = report("a", destinationPoint(AUSTIN, 90, 200), new Date(NOW.getTime() + 1000));
      expect((await store.record(first)).previous).toBeNull();
      expect((await store.record(second)).previous).toEqual({ lat: AUSTIN.lat, lng: AUSTIN.lng });
    });

    it("lists known vendors whose position was recorded in a time window", async () => {
      for (const [vendorId, secondsAgo] of [
        ["a", 30],
        ["b", 130],
        ["c", 300],
      ] as const) {
        await store.applyVendor({ vendorId, cuisines: ["tacos"], isOpen: true, ownerId: null, version: 1 });
        await store.record(report(vendorId, AUSTIN, new Date(NOW.getTime() - secondsAgo * 1000)));
      }
      await store.record(report("unknown", AUSTIN, new Date(NOW.getTime() - 130_000)));
      const stale = await store.recordedBetween(
        new Date(NOW.getTime() - 200_000),
        new Date(NOW.getTime() - 120_000),
      );
      expect(stale.map((p) => p.vendorId)).toEqual(["b"]);
    });

    it("reads many current positions at once, skipping vendors without one", async () => {
      await store.record(report("a", AUSTIN));
      await store.record(report("b", destinationPoint(AUSTIN, 90, 50)));
      const found = await store.currentPositions(["b", "nobody", "a"]);
      expect(found.map((p) => p.vendorId).sort()).toEqual(["a", "b"]);
    });

    it("finds only vendors marketplace told it about, including ones that reported first", async () => {
      await store.record(report("early", AUSTIN));
      const query = { center: AUSTIN, radiusMeters: 100, first: 5, filter: {} };
      expect((await store.nearby(query)).hits).toEqual([]);
      await store.applyVendor({
        vendorId: "early",
        cuisines: ["tacos"],
        isOpen: false,
        ownerId: null,
        version: 1,
      });
      const page = await store.nearby(query);
      expect(page.hits.map((h) => h.position.vendorId)).toEqual(["early"]);
      expect(await store.countNearby(query)).toBe(1);
    });

    it("follows a vendor's status into the openNow filter", async () => {
      await store.applyVendor({
        vendorId: "a",
        cuisines: ["tacos"],
        isOpen: false,
        ownerId: null,
        version: 1,
      });
      await store.record(report("a", AUSTIN));
      const openNow = { center: AUSTIN, radiusMeters: 100, first: 5, filter: { openNow: true } };
      expect((await store.nearby(openNow)).hits).toHaveLength(0);
      await store.applyVendor({
        vendorId: "a",
        cuisines: ["tacos"],
        isOpen: true,
        ownerId: null,
        version: 2,
      });
      expect((await store.nearby(openNow)).hits).toHaveLength(1);
    });

    it("matches a brute-force scan: order, distances, radius, filters and counts", async () => {
      const city = await buildCity(store, 400);
      const cases: { center: GeoPoint; radiusMeters: number; filter: NearbyFilter }[] = [
        { center: AUSTIN, radiusMeters: 2000, filter: {} },
        { center: destinationPoint(AUSTIN, 45, 3000), radiusMeters: 1500, filter: { openNow: true } },
        { center: AUSTIN, radiusMeters: 5000, filter: { cuisines: ["thai", "coffee"] } },
        {
          center: AUSTIN,
          radiusMeters: 4000,
          filter: { recordedSince: new Date(NOW.getTime() - 120_000), openNow: true },
        },
        { center: destinationPoint(AUSTIN, 200, 20_000), radiusMeters: 1000, filter: {} },
        {
          center: AUSTIN,
          radiusMeters: 3000,
          filter: {
            within: {
              south: AUSTIN.lat - 0.01,
              west: AUSTIN.lng - 0.02,
              north: AUSTIN.lat + 0.015,
              east: AUSTIN.lng + 0.005,
            },
          },
        },
      ];
      for (const { center, radiusMeters, filter } of cases) {
        const expected = bruteForce(city, center, radiusMeters, filter);
        const page = await store.nearby({ center, radiusMeters, first: 15, filter });
        expect(await store.countNearby({ center, radiusMeters, filter })).toBe(expected.length);
        expect(page.hasNextPage).toBe(expected.length > 15);
        expect(page.hits.map((h) => h.position.vendorId)).toEqual(
          expected.slice(0, 15).map((k) => k.vendorId),
        );
        page.hits.forEach((hit, i) => {
          expect(hit.distanceMeters).toBeCloseTo(expected[i]?.distanceMeters ?? Number.NaN, 6);
        });
      }
    });

    it("pages by distance without repeating or skipping a vendor, ties included", async () => {
      const city = await buildCity(store, 300);
      const expected = bruteForce(city, AUSTIN, 3000, {});
      const seen: string[] = [];
      let after: NearbyKey | undefined;
      for (let guard = 0; guard < 100; guard += 1) {
        const page = await store.nearby({ center: AUSTIN, radiusMeters: 3000, first: 7, after, filter: {} });
        seen.push(...page.hits.map((h) => h.position.vendorId));
        const last = page.hits.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { distanceMeters: last.distanceMeters, vendorId: last.position.vendorId };
      }
      expect(seen).toEqual(expected.map((k) => k.vendorId));
      expect(seen).toContain("tie-a");
    });

    it("lists only verified vendors; a snapshot that does not say counts as verified", async () => {
      const attributes = { cuisines: ["tacos"], isOpen: true, ownerId: "owner-a" };
      await store.applyVendor({ vendorId: "new", ...attributes, version: 1, verified: false });
      await store.applyVendor({ vendorId: "old", ...attributes, version: 1 });
      const stale = new Date(NOW.getTime() - 200_000);
      await store.record(report("new", AUSTIN, stale));
      await store.record(report("old", destinationPoint(AUSTIN, 90, 30), stale));
      const area = { center: AUSTIN, radiusMeters: 100, filter: {} };
      const listed = async () => ({
        nearby: (await store.nearby({ ...area, first: 5 })).hits.map((h) => h.position.vendorId),
        count: await store.countNearby(area),
        stale: (await store.recordedBetween(new Date(stale.getTime() - 1), NOW)).map((p) => p.vendorId),
      });
      expect(await listed()).toEqual({ nearby: ["old"], count: 1, stale: ["old"] });
      // Its owner may still report: it is known, just not listed.
      expect(await store.vendorAccess(["new", "old", "nobody"])).toEqual(
        new Map([
          ["new", { ownerId: "owner-a", listed: false }],
          ["old", { ownerId: "owner-a", listed: true }],
        ]),
      );
      expect(await store.vendorOwners(["new"])).toEqual(new Map([["new", "owner-a"]]));
      expect(await store.currentPositions(["new"])).toHaveLength(1);

      // Verified: listed where it already was. Later moves keep it listed.
      await store.applyVendor({ vendorId: "new", ...attributes, version: 2, verified: true });
      expect(await listed()).toEqual({ nearby: ["new", "old"], count: 2, stale: ["new", "old"] });
      await store.record(report("new", destinationPoint(AUSTIN, 0, 20), NOW));
      expect((await store.nearby({ ...area, first: 5 })).hits.map((h) => h.position.vendorId)).toEqual([
        "new",
        "old",
      ]);
      // Taken out of the listing again (a stale snapshot changes nothing).
      await store.applyVendor({ vendorId: "new", ...attributes, version: 3, verified: false });
      expect(await store.applyVendor({ vendorId: "new", ...attributes, version: 2, verified: true })).toBe(
        false,
      );
      expect((await store.nearby({ ...area, first: 5 })).hits.map((h) => h.position.vendorId)).toEqual([
        "old",
      ]);
      // Moves of an unlisted vendor are recorded, and still not listed.
      await store.record(report("new", AUSTIN, new Date(NOW.getTime() + 1000)));
      expect(await store.countNearby(area)).toBe(1);
      expect((await store.currentPositions(["new"]))[0]?.recordedAt).toEqual(new Date(NOW.getTime() + 1000));
    });

    it("keeps an unverified vendor that reported before its first snapshot unlisted", async () => {
      await store.record(report("early", AUSTIN));
      await store.applyVendor({
        vendorId: "early",
        cuisines: ["tacos"],
        isOpen: true,
        ownerId: null,
        version: 1,
        verified: false,
      });
      const query = { center: AUSTIN, radiusMeters: 100, first: 5, filter: {} };
      expect((await store.nearby(query)).hits).toEqual([]);
      expect(await store.countNearby(query)).toBe(0);
    });

    it("finds vendors across the antimeridian", async () => {
      const west = { lat: 0, lng: 179.999 };
      const east = { lat: 0, lng: -179.999 };
      await store.applyVendor({
        vendorId: "east",
        cuisines: ["tacos"],
        isOpen: true,
        ownerId: null,
        version: 1,
      });
      await store.record(report("east", east));
      const page = await store.nearby({ center: west, radiusMeters: 1000, first: 5, filter: {} });
      expect(page.hits.map((h) => h.position.vendorId)).toEqual(["east"]);
      expect(await store.countNearby({ center: west, radiusMeters: 1000, filter: {} })).toBe(1);
      expect(page.hits[0]?.distanceMeters).toBeCloseTo(greatCircleMeters(west, east), 6);
    });
  });
}
