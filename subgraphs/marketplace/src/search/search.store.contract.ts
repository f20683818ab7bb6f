import { destinationPoint, greatCircleMeters } from "@venta/geo";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { favoriteActivityKey, type SearchQuery, type VendorEntry } from "./search.record.js";
import type { SearchIndex } from "./search.store.js";
import { queryTerms } from "./search-terms.js";

export interface OpenedSearchIndex {
  index: SearchIndex;
  close(): Promise<void>;
}

const CENTER = { lat: 30.2672, lng: -97.7431 };
const T0 = new Date(Date.UTC(2026, 0, 10, 12));
const hoursAgo = (hours: number) => new Date(T0.getTime() - hours * 3600_000);
const DAY_MS = 24 * 3600_000;

const entry = (id: string, overrides: Partial<VendorEntry> = {}): VendorEntry => ({
  vendorId: id,
  name: `Vendor ${id}`,
  cuisines: ["bbq"],
  status: "OPEN",
  description: null,
  version: 1,
  ...overrides,
});

/** The behaviour every search index must show; each adapter's test file runs it. */
export function searchIndexContract(adapter: string, open: () => Promise<OpenedSearchIndex>): void {
  describe(`${adapter} search index`, () => {
    let opened: OpenedSearchIndex;
    let index: SearchIndex;
    beforeEach(async () => {
      opened = await open();
      index = opened.index;
    });
    afterEach(() => opened.close());

    const search = (text: string, query: Partial<SearchQuery> = {}) =>
      index.search({ terms: queryTerms(text), limit: 100, ...query });
    const ids = async (text: string, query: Partial<SearchQuery> = {}) =>
      (await search(text, query)).map((c) => c.vendorId);

    it("matches the word being typed by prefix and the words before it whole", async () => {
      await index.applyVendor(entry("taco", { name: "Taco Loco", cuisines: ["tex-mex"] }));
      await index.applyVendor(entry("tapas", { name: "Tapas Bar", cuisines: ["spanish"] }));
      expect(await ids("tac")).toEqual(["taco"]);
      expect(await ids("ta")).toEqual(expect.arrayContaining(["taco", "tapas"]));
      expect(await ids("taco lo")).toEqual(["taco"]);
      expect(await ids("LOCO taco")).toEqual(["taco"]);
      expect(await ids("tex-m")).toEqual(["taco"]);
      // Only the last word is a prefix, and every word must match.
      expect(await ids("ta loco")).toEqual([]);
      expect(await ids("taco bar")).toEqual([]);
    });

    it("forgets every vendor when cleared, then indexes any version again", async () => {
      await index.applyVendor(entry("taco", { name: "Taco Loco", version: 5 }));
      await index.clear();
      expect(await ids("taco")).toEqual([]);
      expect(await index.documents(["taco"])).toEqual([]);
      expect(await index.applyVendor(entry("taco", { name: "Taco Loco", version: 1 }))).toBe(true);
      expect(await ids("taco")).toEqual(["taco"]);
    });

    it("ignores case and diacritics on both sides", async () => {
      await index.applyVendor(entry("jal", { name: "Jalapeño Express", cuisines: ["tex-mex"] }));
      await index.applyVendor(
        entry("cafe", { name: "Blue Cart", cuisines: ["coffee"], description: "Crème brûlée" }),
      );
      expect(await ids("jalapeno")).toEqual(["jal"]);
      expect(await ids("JALAPEÑO")).toEqual(["jal"]);
      expect(await ids("creme brul")).toEqual(["cafe"]);
    });

    it("finds menu items by name and by description", async () => {
      await index.applyVendor(entry("v1", { name: "Smoky Pony Truck" }));
      await index.applyMenu({
        vendorId: "v1",
        items: [{ name: "Horchata", description: "Cinnamon rice milk, served cold" }],
        updatedAt: T0,
      });
      expect(await ids("horchat")).toEqual(["v1"]);
      expect(await ids("cinnamon rice")).toEqual(["v1"]);
      expect(await ids("pony horchata")).toEqual(["v1"]);
    });

    it("ranks a name match over cuisines over menu over description", async () => {
      await index.applyVendor(entry("d", { name: "Delta Cart", description: "We pour horchata daily" }));
      await index.applyVendor(entry("n", { name: "Horchata House" }));
      await index.applyVendor(entry("m", { name: "Mike's Cart" }));
      await index.applyMenu({
        vendorId: "m",
        items: [{ name: "Horchata", description: null }],
        updatedAt: T0,
      });
      await index.applyVendor(entry("c", { name: "Charlie Cart", cuisines: ["horchata", "drinks"] }));
      await index.applyVendor(entry("x", { name: "Unrelated Cart" }));
      for (const text of ["horchata", "horch"]) expect(await ids(text)).toEqual(["n", "c", "m", "d"]);
      const [best, ...rest] = await search("horchata");
      for (const other of rest) expect(best?.relevance).toBeGreaterThan(other.relevance);
    });

    it("follows updates: renames, new menus, descriptions, verification", async () => {
      await index.applyVendor(entry("v1", { name: "Old Name", description: "Famous brisket" }));
      await index.applyMenu({ vendorId: "v1", items: [{ name: "Elote", description: null }], updatedAt: T0 });
      expect(
        await index.applyVendor(entry("v1", { name: "New Name", version: 2, description: undefined })),
      ).toBe(true);
      expect(await ids("old")).toEqual([]);
      expect(await ids("new name")).toEqual(["v1"]);
      // A snapshot without a description keeps the indexed one; null clears it.
      expect(await ids("brisket")).toEqual(["v1"]);
      await index.applyVendor(entry("v1", { name: "New Name", version: 3, description: null }));
      expect(await ids("brisket")).toEqual([]);

      await index.applyMenu({
        vendorId: "v1",
        items: [{ name: "Churros", description: null }],
        updatedAt: hoursAgo(-1),
      });
      expect(await ids("elote")).toEqual([]);
      expect(await ids("churro")).toEqual(["v1"]);

      await index.applyVendor(entry("v1", { name: "New Name", version: 4, verification: "SUBMITTED" }));
      expect(await ids("new")).toEqual([]);
      await index.applyVendor(entry("v1", { name: "New Name", version: 5 }));
      expect(await ids("new")).toEqual([]);
      await index.applyVendor(entry("v1", { name: "New Name", version: 6, verification: "VERIFIED" }));
      expect(await ids("new")).toEqual(["v1"]);
      await index.applyVendor(entry("v1", { name: "New Name", version: 7, verification: "REJECTED" }));
      expect(await ids("new")).toEqual([]);
    });

    it("ignores stale and repeated data", async () => {
      await index.applyVendor(entry("v1", { name: "Second Name", version: 2 }));
      expect(await index.applyVendor(entry("v1", { name: "First Name", version: 1 }))).toBe(false);
      expect(await index.applyVendor(entry("v1", { name: "Second Name", version: 2 }))).toBe(false);
      expect(await ids("second")).toEqual(["v1"]);
      expect(await ids("first")).toEqual([]);

      await index.applyMenu({
        vendorId: "v1",
        items: [{ name: "Kolache", description: null }],
        updatedAt: T0,
      });
      expect(
        await index.applyMenu({
          vendorId: "v1",
          items: [{ name: "Stale", description: null }],
          updatedAt: hoursAgo(1),
        }),
      ).toBe(false);
      expect(await ids("kolache")).toEqual(["v1"]);
      expect(await ids("stale")).toEqual([]);

      await index.applyRating({ vendorId: "v1", average: 4.5, count: 10, updatedAt: T0 });
      expect(await index.applyRating({ vendorId: "v1", average: 1, count: 1, updatedAt: hoursAgo(1) })).toBe(
        false,
      );
      await index.applyPosition({ vendorId: "v1", ...CENTER, recordedAt: T0 });
      const far = destinationPoint(CENTER, 90, 3000);
      expect(await index.applyPosition({ vendorId: "v1", ...far, recordedAt: hoursAgo(1) })).toBe(false);
      const [hit] = await search("second", { area: { center: CENTER, radiusMeters: 100 } });
      expect(hit).toMatchObject({ vendorId: "v1", ratingAverage: 4.5, ratingCount: 10, recordedAt: T0 });
      expect(hit?.distanceMeters).toBeCloseTo(0, 6);
    });

    it("applies a batch of positions as one by one: each vendor's latest wins, older ones change nothing", async () => {
      await index.applyVendor(entry("near", { name: "Near Taco" }));
      await index.applyVendor(entry("moved", { name: "Moved Taco" }));
      await index.applyPosition({ vendorId: "near", ...CENTER, recordedAt: T0 });
      const far = destinationPoint(CENTER, 90, 3000);
      const batch = [
        { vendorId: "near", ...far, recordedAt: hoursAgo(1) },
        { vendorId: "moved", ...far, recordedAt: hoursAgo(2) },
        { vendorId: "moved", ...CENTER, recordedAt: hoursAgo(1) },
        { vendorId: "moved", ...far, recordedAt: hoursAgo(3) },
      ];
      expect(await index.applyPositions(batch)).toBe(1);
      const around = { area: { center: CENTER, radiusMeters: 100 } };
      expect((await ids("taco", around)).sort()).toEqual(["moved", "near"]);
      const [moved] = await search("moved", around);
      expect(moved?.recordedAt).toEqual(hoursAgo(1));
      expect(await index.applyPositions([])).toBe(0);
    });

    it("does not show a vendor before its snapshot arrives", async () => {
      await index.applyMenu({
        vendorId: "early",
        items: [{ name: "Empanada", description: null }],
        updatedAt: T0,
      });
      await index.applyPosition({ vendorId: "early", ...CENTER, recordedAt: T0 });
      expect(await ids("empanada")).toEqual([]);
      await index.applyVendor(entry("early", { name: "Early Bird" }));
      expect(await ids("empanada", { area: { center: CENTER, radiusMeters: 500 } })).toEqual(["early"]);
    });

    it("treats hostile input as plain words and never throws", async () => {
      await index.applyVendor(entry("v1", { name: "Near Or Far", cuisines: ["and"] }));
      await index.applyVendor(entry("v2", { name: "Taco Loco" }));
      const hostile = [
        '"',
        "*",
        "NEAR(",
        "-",
        "OR",
        "taco OR loco",
        "taco NOT loco",
        '"taco" NEAR(a b)',
        "name:taco",
        "-taco",
        "taco*",
        "^ta",
        "(taco",
        "$where",
        ".*",
        "\\",
        "{}",
        "taco AND",
      ];
      for (const text of hostile) {
        let terms: string[];
        try {
          terms = queryTerms(text);
        } catch {
          continue; // nothing searchable: the service answers BAD_USER_INPUT before the index.
        }
        await expect(index.search({ terms, limit: 10 }), text).resolves.toBeInstanceOf(Array);
      }
      expect(await ids("OR")).toEqual(["v1"]);
      expect(await ids("near(")).toEqual(["v1"]);
      expect(await ids("taco OR loco")).toEqual([]);
      expect(await ids("-taco")).toEqual(["v2"]);
      expect(await ids("^ta")).toEqual(["v2"]);
    });

    it("keeps to the circle and measures exact great-circle distance", async () => {
      const spots = { a: 200, b: 1500, c: 4900, d: 6000 };
      for (const [id, meters] of Object.entries(spots)) {
        await index.applyVendor(entry(id, { name: `Taco ${id}` }));
        await index.applyPosition({ vendorId: id, ...destinationPoint(CENTER, 45, meters), recordedAt: T0 });
      }
      await index.applyVendor(entry("nowhere", { name: "Taco nowhere" }));
      // Inside the bounding box, outside the circle: in the box's corner.
      await index.applyVendor(entry("corner", { name: "Taco corner" }));
      await index.applyPosition({
        vendorId: "corner",
        ...destinationPoint(CENTER, 45, 6500),
        recordedAt: T0,
      });
      const hits = await search("taco", { area: { center: CENTER, radiusMeters: 5000 } });
      expect(hits.map((h) => h.vendorId).sort()).toEqual(["a", "b", "c"]);
      for (const hit of hits) {
        const meters = spots[hit.vendorId as keyof typeof spots];
        expect(hit.distanceMeters).toBeCloseTo(
          greatCircleMeters(CENTER, destinationPoint(CENTER, 45, meters)),
          6,
        );
      }
      expect((await search("taco")).map((h) => h.distanceMeters)).toEqual(Array(6).fill(null));
    });

    it("filters by cuisines, open status and position age", async () => {
      await index.applyVendor(entry("a", { name: "Cart a", cuisines: ["tacos", "coffee"], status: "OPEN" }));
      await index.applyVendor(entry("b", { name: "Cart b", cuisines: ["bbq"], status: "CLOSED" }));
      await index.applyVendor(entry("c", { name: "Cart c", cuisines: ["coffee"], status: "CLOSED" }));
      await index.applyPosition({ vendorId: "a", ...CENTER, recordedAt: T0 });
      await index.applyPosition({ vendorId: "b", ...CENTER, recordedAt: hoursAgo(2) });
      const sorted = async (query: Partial<SearchQuery>) => (await ids("cart", query)).sort();
      expect(await sorted({ cuisines: ["coffee", "bbq"] })).toEqual(["a", "b", "c"]);
      expect(await sorted({ cuisines: ["coffee"] })).toEqual(["a", "c"]);
      expect(await sorted({ openAt: T0 })).toEqual(["a"]);
      expect(await sorted({ recordedSince: hoursAgo(1) })).toEqual(["a"]);
      expect(await sorted({ cuisines: ["bbq"], openAt: T0 })).toEqual([]);
    });

    it("judges openness by published hours together with the status, inside the query", async () => {
      const span = (fromHours: number, toHours: number) => ({
        start: hoursAgo(-fromHours),
        end: hoursAgo(-toHours),
      });
      const hours = (vendorId: string, intervals: { start: Date; end: Date }[], horizonHours = 24 * 14) =>
        index.applyOpenHours({ vendorId, intervals, horizonEnd: hoursAgo(-horizonHours), updatedAt: T0 });
      for (const id of ["status", "hours", "outside", "closed", "ran-out", "edge"]) {
        await index.applyVendor(
          entry(id, { name: `Cart ${id}`, status: id === "closed" ? "CLOSED" : "OPEN" }),
        );
        await index.applyPosition({ vendorId: id, ...destinationPoint(CENTER, 90, 100), recordedAt: T0 });
      }
      // No schedule: the status alone decides.
      expect(await hours("hours", [span(-30, -26), span(-2, 3), span(20, 27)])).toBe(true);
      await hours("outside", [span(-30, -26), span(1, 5)]); // OPEN, but not in its hours now
      await hours("closed", [span(-2, 3)]); // in its hours, but CLOSED
      await hours("ran-out", [span(-10, -1)], -1); // nothing known past an hour ago
      await hours("edge", [span(-3, 0), span(0.5, 2)]); // closed exactly at T0, end exclusive
      const open = async (query: Partial<SearchQuery> = {}) => (await ids("cart", query)).sort();
      expect(await open()).toEqual(["closed", "edge", "hours", "outside", "ran-out", "status"]);
      expect(await open({ openAt: T0 })).toEqual(["hours", "status"]);
      expect(await open({ openAt: hoursAgo(1) })).toEqual(["edge", "hours", "status"]);
      expect(await open({ openAt: hoursAgo(-4) })).toEqual(["outside", "status"]);
      // With an area and a limit, the filter still holds before anything is cut.
      const area = { center: CENTER, radiusMeters: 500 };
      expect(await open({ openAt: T0, area })).toEqual(["hours", "status"]);
      expect(await ids("cart", { openAt: T0, limit: 1 })).toHaveLength(1);
    });

    it("replaces open hours with a later horizon or schedule, ignoring older and repeated ones", async () => {
      await index.applyVendor(entry("v1", { name: "Cart one" }));
      const hours = (updatedHours: number, horizonHours: number, open: boolean) =>
        index.applyOpenHours({
          vendorId: "v1",
          intervals: open ? [{ start: hoursAgo(1), end: hoursAgo(-1) }] : [],
          horizonEnd: hoursAgo(-horizonHours),
          updatedAt: hoursAgo(-updatedHours),
        });
      const isOpen = async () => (await ids("cart", { openAt: T0 })).length === 1;
      expect(await hours(0, 100, true)).toBe(true);
      expect(await isOpen()).toBe(true);
      expect(await hours(0, 100, true)).toBe(false); // redelivered
      expect(await hours(0, 50, false)).toBe(false); // an earlier horizon of the same schedule
      expect(await hours(-1, 200, false)).toBe(false); // an older schedule
      expect(await isOpen()).toBe(true);
      expect(await hours(0, 150, false)).toBe(true); // a refresh: replaces the intervals whole
      expect(await isOpen()).toBe(false);
      expect(await hours(1, 10, true)).toBe(true); // a newer schedule, whatever its horizon
      expect(await isOpen()).toBe(true);
      // Hours may arrive before the vendor's snapshot; it is still not searchable until then.
      expect(
        await index.applyOpenHours({ vendorId: "early", intervals: [], horizonEnd: T0, updatedAt: T0 }),
      ).toBe(true);
      expect(await ids("cart")).toEqual(["v1"]);
    });

    it("returns at most `limit` candidates, best first, equal ones by vendor id", async () => {
      for (const id of ["e", "c", "a", "d", "b"]) await index.applyVendor(entry(id, { name: "Same Cart" }));
      expect(await ids("same", { limit: 3 })).toEqual(["a", "b", "c"]);
      const area = { center: CENTER, radiusMeters: 1000 };
      for (const id of ["e", "c", "a", "d", "b"])
        await index.applyPosition({ vendorId: id, ...CENTER, recordedAt: T0 });
      expect(await ids("same", { limit: 2, area })).toEqual(["a", "b"]);
    });

    it("counts each act once and weighs it by age for trending", async () => {
      const retain = new Date(T0.getTime() - 7 * DAY_MS);
      for (const id of ["hot", "warm", "far", "rejected", "quiet"]) {
        await index.applyVendor(entry(id, { verification: id === "rejected" ? "REJECTED" : "VERIFIED" }));
        const meters = id === "far" ? 9000 : 300;
        await index.applyPosition({ vendorId: id, ...destinationPoint(CENTER, 0, meters), recordedAt: T0 });
      }
      const act = (key: string, vendorId: string, kind: "FAVORITE" | "REVIEW", at: Date) =>
        index.recordActivity({ key, vendorId, kind, at }, retain);
      expect(await act("favorite:u1:hot", "hot", "FAVORITE", T0)).toBe(true);
      expect(await act("favorite:u1:hot", "hot", "FAVORITE", T0)).toBe(false);
      expect(await act("review:r1", "hot", "REVIEW", new Date(T0.getTime() - 2 * DAY_MS))).toBe(true);
      // A later edit of the same review keeps its first submission.
      await act("review:r1", "hot", "REVIEW", T0);
      // Favorited long ago, then again four days ago: counts from the latest time.
      await act("favorite:u2:warm", "warm", "FAVORITE", new Date(T0.getTime() - 6 * DAY_MS));
      await act("favorite:u2:warm", "warm", "FAVORITE", new Date(T0.getTime() - 4 * DAY_MS));
      expect(await act("favorite:u3:warm", "warm", "FAVORITE", new Date(T0.getTime() - 8 * DAY_MS))).toBe(
        false,
      );
      await act("favorite:u1:far", "far", "FAVORITE", T0);
      await act("favorite:u1:rejected", "rejected", "FAVORITE", T0);

      const trending = await index.trending({
        center: CENTER,
        radiusMeters: 1000,
        since: retain,
        asOf: T0,
        halfLifeMs: 2 * DAY_MS,
      });
      const byId = Object.fromEntries(trending.map((t) => [t.vendorId, t]));
      expect(Object.keys(byId).sort()).toEqual(["hot", "warm"]);
      expect(byId.hot).toMatchObject({ favorites: 1, reviews: 1 });
      expect(byId.hot?.activity).toBeCloseTo(1 + 0.5, 9);
      expect(byId.warm).toMatchObject({ favorites: 1, reviews: 0 });
      expect(byId.warm?.activity).toBeCloseTo(0.25, 9);
      expect(byId.hot?.distanceMeters).toBeCloseTo(
        greatCircleMeters(CENTER, destinationPoint(CENTER, 0, 300)),
        6,
      );

      const later = await index.trending({
        center: CENTER,
        radiusMeters: 1000,
        since: new Date(T0.getTime() - 3 * DAY_MS),
        asOf: T0,
        halfLifeMs: 2 * DAY_MS,
      });
      expect(later.map((t) => t.vendorId)).toEqual(["hot"]);
    });

    it("detaches an erased person's favorites from them, which go on counting as before", async () => {
      const retain = new Date(T0.getTime() - 7 * DAY_MS);
      for (const id of ["v1", "v2"]) {
        await index.applyVendor(entry(id, { verification: "VERIFIED" }));
        await index.applyPosition({ vendorId: id, ...destinationPoint(CENTER, 0, 300), recordedAt: T0 });
      }
      const favorite = (userId: string, vendorId: string, at = T0) =>
        index.recordActivity(
          { key: favoriteActivityKey(userId, vendorId), vendorId, kind: "FAVORITE", at },
          retain,
        );
      await favorite("u1", "v1", new Date(T0.getTime() - DAY_MS));
      await favorite("u1", "v2");
      // Ids that start like u1's, and one whose key starts like u1's favorite of v2.
      await favorite("u10", "v1");
      await favorite("u1:v2", "v1");
      await index.recordActivity({ key: "review:r1", vendorId: "v1", kind: "REVIEW", at: T0 }, retain);
      const trending = async () =>
        (
          await index.trending({
            center: CENTER,
            radiusMeters: 1000,
            since: retain,
            asOf: T0,
            halfLifeMs: 2 * DAY_MS,
          })
        ).sort((a, b) => a.vendorId.localeCompare(b.vendorId));
      const before = await trending();
      expect(before.map(({ vendorId, favorites, reviews }) => ({ vendorId, favorites, reviews }))).toEqual([
        { vendorId: "v1", favorites: 3, reviews: 1 },
        { vendorId: "v2", favorites: 1, reviews: 0 },
      ]);

      expect(await index.anonymizeActivityOf("u1")).toBe(2);
      expect(await trending()).toEqual(before);
      expect(await index.anonymizeActivityOf("u1")).toBe(0);
      // Nothing is kept under the person's keys any more: the same act now is new to the index.
      expect(await favorite("u1", "v2")).toBe(true);
      // The others' favorites are still theirs: the same act again changes nothing.
      expect(await favorite("u10", "v1")).toBe(false);
      expect(await favorite("u1:v2", "v1")).toBe(false);
      expect(await index.anonymizeActivityOf("u1:v2")).toBe(1);
      expect(await index.anonymizeActivityOf("nobody")).toBe(0);
    });

    it("hands back the indexed text of many vendors at once", async () => {
      await index.applyVendor(
        entry("v1", { name: "Taco Loco", cuisines: ["tacos"], description: "Since 1999" }),
      );
      await index.applyMenu({
        vendorId: "v1",
        items: [{ name: "Al pastor", description: "Pork" }],
        updatedAt: T0,
      });
      await index.applyVendor(entry("v2", { name: "Other" }));
      const documents = await index.documents(["v1", "missing", "v2"]);
      expect(documents.find((d) => d.vendorId === "v1")).toEqual({
        vendorId: "v1",
        name: "Taco Loco",
        cuisines: ["tacos"],
        description: "Since 1999",
        menu: [{ name: "Al pastor", description: "Pork" }],
      });
      expect(documents.map((d) => d.vendorId).sort()).toEqual(["v1", "v2"]);
      expect(await index.documents([])).toEqual([]);
    });
  });
}
