import { destinationPoint, type GeoPoint, greatCircleMeters } from "@venta/geo";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  compareNearby,
  type NearbyFilter,
  type NearbyKey,
  type OpenInterval,
  type PositionReport,
} from "./position.record.js";
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
  /** Published open intervals; absent for a vendor without a schedule. */
  hours?: OpenInterval[];
}

const HOUR = 3_600_000;
/** An interval `fromHours` to `toHours` after NOW (negative: before). */
const span = (fromHours: number, toHours: number): OpenInterval => ({
  start: new Date(NOW.getTime() + fromHours * HOUR),
  end: new Date(NOW.getTime() + toHours * HOUR),
});

/** A third of the city publishes no hours, a third is in its hours now, a third is not. */
function cityHours(i: number): OpenInterval[] | undefined {
  if (i % 3 === 0) return undefined;
  return i % 3 === 1 ? [span(-26, -20), span(-1, 2), span(22, 26)] : [span(-5, -0.5), span(1, 4)];
}

const isOpenAt = (vendor: CityVendor, at: Date) =>
  vendor.isOpen && (!vendor.hours || vendor.hours.some((h) => h.start <= at && at < h.end));

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
      hours: cityHours(i),
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
    if (vendor.hours) {
      await store.applyOpenHours({
        vendorId: vendor.vendorId,
        intervals: vendor.hours,
        horizonEnd: new Date(NOW.getTime() + 14 * 24 * HOUR),
        updatedAt: NOW,
      });
    }
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
    .filter((v) => !filter.openAt || isOpenAt(v, filter.openAt))
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
        filter: { openAt: NOW, cuisines: ["tacos"] },
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
      const openNow = { center: AUSTIN, radiusMeters: 100, first: 5, filter: { openAt: NOW } };
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

    describe("openNow by published hours", () => {
      const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
      const vendor = async (vendorId: string, isOpen: boolean, meters = 50) => {
        await store.applyVendor({ vendorId, cuisines: ["tacos"], isOpen, ownerId: null, version: 1 });
        await store.record(report(vendorId, destinationPoint(AUSTIN, 90, meters)));
      };
      const hours = (vendorId: string, intervals: OpenInterval[], horizonHours = 14 * 24, updatedAt = NOW) =>
        store.applyOpenHours({ vendorId, intervals, horizonEnd: at(horizonHours), updatedAt });
      const openAt = async (instant: Date) => {
        const area = { center: AUSTIN, radiusMeters: 500, filter: { openAt: instant } };
        const page = await store.nearby({ ...area, first: 20 });
        const ids = page.hits.map((h) => h.position.vendorId);
        expect(await store.countNearby(area)).toBe(ids.length);
        return ids.sort();
      };

      it("is open inside an interval that runs past midnight, and only until it ends", async () => {
        // Friday 20:00 to Saturday 02:00 in Chicago (CST), as marketplace publishes it: NOW is Sunday
        // 06:00 local, so the next Friday night is 2026-03-07T02:00Z to 08:00Z.
        await vendor("late", true);
        await hours("late", [
          { start: new Date("2026-03-07T02:00:00Z"), end: new Date("2026-03-07T08:00:00Z") },
        ]);
        expect(await openAt(new Date("2026-03-07T01:59:59Z"))).toEqual([]); // Fri 19:59:59
        expect(await openAt(new Date("2026-03-07T02:00:00Z"))).toEqual(["late"]); // Fri 20:00
        expect(await openAt(new Date("2026-03-07T07:30:00Z"))).toEqual(["late"]); // Sat 01:30
        expect(await openAt(new Date("2026-03-07T08:00:00Z"))).toEqual([]); // Sat 02:00
      });

      it("is closed outside its hours though its status is OPEN, and closed by status in them", async () => {
        await vendor("outside", true);
        await hours("outside", [span(-5, -1), span(2, 6)]);
        await vendor("closed", false);
        await hours("closed", [span(-1, 1)]);
        expect(await openAt(NOW)).toEqual([]);
        expect(await openAt(at(3))).toEqual(["outside"]);
        // Without the filter both are listed.
        expect(
          (await store.nearby({ center: AUSTIN, radiusMeters: 500, first: 5, filter: {} })).hits,
        ).toHaveLength(2);
      });

      it("follows the status alone for a vendor without a schedule", async () => {
        await vendor("open", true);
        await vendor("shut", false);
        expect(await openAt(NOW)).toEqual(["open"]);
        expect(await openAt(at(1000))).toEqual(["open"]);
      });

      it("counts a vendor whose horizon ran out as closed", async () => {
        await vendor("stale", true);
        await hours("stale", [span(-48, -30), span(-6, -1)], -1);
        expect(await openAt(at(-5))).toEqual(["stale"]);
        expect(await openAt(NOW)).toEqual([]);
        // An empty schedule (no hours at all) is closed too.
        await vendor("never", true, 80);
        await hours("never", []);
        expect(await openAt(NOW)).toEqual([]);
      });

      it("replaces the intervals with a later horizon or schedule, ignoring older and repeated ones", async () => {
        await vendor("a", true);
        expect(await hours("a", [span(-1, 1)], 100)).toBe(true);
        expect(await openAt(NOW)).toEqual(["a"]);
        expect(await hours("a", [span(-1, 1)], 100)).toBe(false); // redelivered
        expect(await hours("a", [], 50)).toBe(false); // an earlier horizon of the same schedule
        expect(await hours("a", [], 200, at(-1))).toBe(false); // an older schedule
        expect(await openAt(NOW)).toEqual(["a"]);
        // A refresh replaces the intervals whole: none of the old ones survives.
        expect(await hours("a", [span(5, 6)], 150)).toBe(true);
        expect(await openAt(NOW)).toEqual([]);
        expect(await openAt(at(5.5))).toEqual(["a"]);
        // A newer schedule wins whatever its horizon.
        expect(await hours("a", [span(-1, 1)], 10, at(1))).toBe(true);
        expect(await openAt(NOW)).toEqual(["a"]);
        expect(await openAt(at(5.5))).toEqual([]);
      });

      it("keeps hours that arrive before the vendor's snapshot, unlisted until it does", async () => {
        expect(await hours("early", [span(5, 6)])).toBe(true);
        await store.record(report("early", AUSTIN));
        expect(await openAt(at(5.5))).toEqual([]);
        await store.applyVendor({
          vendorId: "early",
          cuisines: ["tacos"],
          isOpen: true,
          ownerId: null,
          version: 1,
        });
        expect(await openAt(at(5.5))).toEqual(["early"]);
        expect(await openAt(NOW)).toEqual([]);
      });

      it("pages through open vendors by distance, agreeing with the count", async () => {
        const city = await buildCity(store, 300);
        for (const instant of [NOW, at(1.5), at(-3)]) {
          const filter = { openAt: instant };
          const expected = bruteForce(city, AUSTIN, 4000, filter);
          expect(expected.length).toBeGreaterThan(20);
          expect(await store.countNearby({ center: AUSTIN, radiusMeters: 4000, filter })).toBe(
            expected.length,
          );
          const seen: string[] = [];
          let after: NearbyKey | undefined;
          for (let guard = 0; guard < 100; guard += 1) {
            const page = await store.nearby({ center: AUSTIN, radiusMeters: 4000, first: 7, after, filter });
            seen.push(...page.hits.map((h) => h.position.vendorId));
            const last = page.hits.at(-1);
            if (!page.hasNextPage || !last) break;
            after = { distanceMeters: last.distanceMeters, vendorId: last.position.vendorId };
          }
          expect(seen).toEqual(expected.map((k) => k.vendorId));
        }
      });
    });

    it("matches a brute-force scan: order, distances, radius, filters and counts", async () => {
      const city = await buildCity(store, 400);
      const cases: { center: GeoPoint; radiusMeters: number; filter: NearbyFilter }[] = [
        { center: AUSTIN, radiusMeters: 2000, filter: {} },
        { center: destinationPoint(AUSTIN, 45, 3000), radiusMeters: 1500, filter: { openAt: NOW } },
        { center: AUSTIN, radiusMeters: 3000, filter: { openAt: new Date(NOW.getTime() + 1.5 * HOUR) } },
        { center: AUSTIN, radiusMeters: 5000, filter: { cuisines: ["thai", "coffee"] } },
        {
          center: AUSTIN,
          radiusMeters: 4000,
          filter: { recordedSince: new Date(NOW.getTime() - 120_000), openAt: NOW },
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

    it("counts vendors a hair inside and a hair outside the circle exactly, at every bearing", async () => {
      const radiusMeters = 3000;
      const city: CityVendor[] = [];
      for (let i = 0; i < 180; i += 1) {
        // Alternately 2 cm inside and 2 cm outside; the centre's own latitude and longitude lines too.
        const meters = radiusMeters + (i % 2 === 0 ? -0.02 : 0.02);
        const vendor = { vendorId: `edge-${i}`, point: destinationPoint(AUSTIN, i * 2, meters) };
        city.push({ ...vendor, cuisines: ["tacos"], isOpen: true, recordedAt: NOW });
        await store.applyVendor({
          vendorId: vendor.vendorId,
          cuisines: ["tacos"],
          isOpen: true,
          ownerId: null,
          version: 1,
        });
        await store.record(report(vendor.vendorId, vendor.point));
      }
      const inner = await buildCity(store, 200);
      const expected = bruteForce([...city, ...inner], AUSTIN, radiusMeters, {});
      expect(await store.countNearby({ center: AUSTIN, radiusMeters, filter: {} })).toBe(expected.length);
      expect(expected.filter((k) => k.vendorId.startsWith("edge-"))).toHaveLength(90);
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
