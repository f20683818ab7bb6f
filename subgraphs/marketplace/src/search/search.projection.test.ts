import { type DomainEvent, newEvent, openHoursOf, SqliteEventBus, type VendorSnapshot } from "@venta/events";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MarketplaceStores, openSqlite } from "../stores.js";
import { SearchPersonalData } from "./search.personal-data.js";
import { applySearchEvent, followSearchEvents } from "./search.projection.js";
import type { SearchIndex } from "./search.store.js";

const T0 = new Date(Date.UTC(2026, 0, 10, 12));
const DAY_MS = 24 * 3600_000;
const CENTER = { lat: 30.2672, lng: -97.7431 };

const snapshot = (version: number, overrides: Partial<VendorSnapshot> = {}): VendorSnapshot => ({
  vendorId: "v1",
  name: "Taco Loco",
  cuisines: ["tacos"],
  status: "OPEN",
  ownerId: "owner-1",
  version,
  updatedAt: T0.toISOString(),
  description: "Street tacos",
  verification: "VERIFIED",
  ...overrides,
});

describe("the search index consumer", () => {
  let bus: SqliteEventBus;
  let stores: MarketplaceStores;
  let index: SearchIndex;
  beforeEach(() => {
    bus = new SqliteEventBus(":memory:", testLogger, 5);
    stores = openSqlite(":memory:");
    index = stores.searchIndex;
  });
  afterEach(async () => {
    await bus.close();
    await stores.close();
  });

  const names = async (text: string) => {
    const hits = await index.search({ terms: [text], limit: 10 });
    const docs = await index.documents(hits.map((h) => h.vendorId));
    return docs.map((d) => d.name);
  };
  const everything = async () => ({
    search: await index.search({ terms: ["t"], area: { center: CENTER, radiusMeters: 1000 }, limit: 10 }),
    documents: await index.documents(["v1", "v2"]),
    trending: await index.trending({
      center: CENTER,
      radiusMeters: 1000,
      since: new Date(T0.getTime() - 7 * DAY_MS),
      asOf: T0,
      halfLifeMs: 2 * DAY_MS,
    }),
  });

  async function publishHistory(): Promise<void> {
    await bus.publish("marketplace.vendor_created", snapshot(1, { description: null }));
    await bus.publish("marketplace.vendor_updated", snapshot(2));
    await bus.publish("marketplace.vendor_created", snapshot(1, { vendorId: "v2", name: "Tamale Time" }));
    await bus.publish("marketplace.menu_updated", {
      vendorId: "v1",
      items: [{ name: "Horchata", description: "Rice and cinnamon", dietaryTags: ["vegan"] }],
      updatedAt: T0.toISOString(),
    });
    await bus.publish("marketplace.rating_changed", {
      vendorId: "v1",
      average: 4.6,
      count: 12,
      updatedAt: T0.toISOString(),
    });
    await bus.publish("location.vendor_location_updated", {
      vendorId: "v1",
      ...CENTER,
      accuracyMeters: 5,
      heading: null,
      recordedAt: T0.toISOString(),
    });
    const favorite = { userId: "u1", vendorId: "v1", at: T0.toISOString() };
    await bus.publish("marketplace.favorite_added", favorite);
    await bus.publish("marketplace.favorite_added", favorite);
    await bus.publish("marketplace.review_submitted", {
      reviewId: "r1",
      vendorId: "v1",
      authorId: "u2",
      rating: 5,
      status: "PUBLISHED",
      submittedAt: new Date(T0.getTime() - 2 * DAY_MS).toISOString(),
    });
    // An edit of the same review, and a late, stale snapshot.
    await bus.publish("marketplace.review_submitted", {
      reviewId: "r1",
      vendorId: "v1",
      authorId: "u2",
      rating: 4,
      status: "PUBLISHED",
      submittedAt: T0.toISOString(),
    });
    await bus.publish("marketplace.vendor_updated", snapshot(1, { name: "Stale Name" }));
    await bus.publish("marketplace.user_registered", {
      userId: "u9",
      displayName: "Not ours",
      registeredAt: "x",
    });
    // The last event: once it is in, everything before it is.
    await bus.publish("marketplace.vendor_created", snapshot(1, { vendorId: "v3", name: "Zz Sentinel" }));
  }
  const caughtUp = () => expect.poll(() => names("sentinel")).toEqual(["Zz Sentinel"]);

  it("builds the index from vendor, menu, rating, position and activity events", async () => {
    await publishHistory();
    const consumption = followSearchEvents(bus, index, testLogger, () => T0);
    await caughtUp();
    await consumption.stop();

    const { search, documents, trending } = await everything();
    expect(search).toEqual([
      {
        vendorId: "v1",
        relevance: expect.any(Number),
        distanceMeters: 0,
        recordedAt: T0,
        ratingAverage: 4.6,
        ratingCount: 12,
      },
    ]);
    expect(documents.find((d) => d.vendorId === "v1")).toEqual({
      vendorId: "v1",
      name: "Taco Loco",
      cuisines: ["tacos"],
      description: "Street tacos",
      menu: [{ name: "Horchata", description: "Rice and cinnamon" }],
    });
    expect(await names("horchata")).toEqual(["Taco Loco"]);
    expect(await names("stale")).toEqual([]);
    expect(await names("tamale")).toEqual(["Tamale Time"]);
    // One favorite (sent twice) now, one review (submitted twice) from two days ago.
    expect(trending).toEqual([
      { vendorId: "v1", distanceMeters: 0, activity: 1.5, favorites: 1, reviews: 1 },
    ]);
  });

  it("leaves the index as it was when every event is delivered again", async () => {
    await publishHistory();
    const first = followSearchEvents(bus, index, testLogger, () => T0);
    await caughtUp();
    await first.stop();
    const before = await everything();

    // A consumer seen for the first time reads the whole log: every event again, in order.
    let replayed = 0;
    const again = bus.consume(
      "replay",
      [
        "marketplace.vendor_created",
        "marketplace.vendor_updated",
        "marketplace.menu_updated",
        "marketplace.rating_changed",
        "location.vendor_location_updated",
        "marketplace.favorite_added",
        "marketplace.review_submitted",
      ],
      async (event: DomainEvent) => {
        await applySearchEvent(index, event, () => T0);
        replayed += 1;
      },
    );
    await expect.poll(() => replayed).toBe(12);
    await again.stop();
    expect(await everything()).toEqual(before);
  });

  it("counts a review toward trending only once it is published or a moderator approves it", async () => {
    const event = (type: DomainEvent["type"], payload: unknown) =>
      ({ id: "e", type, payload, occurredAt: T0.toISOString() }) as DomainEvent;
    await applySearchEvent(index, event("marketplace.vendor_created", snapshot(1)), () => T0);
    await applySearchEvent(
      index,
      event("location.vendor_location_updated", {
        vendorId: "v1",
        ...CENTER,
        accuracyMeters: 5,
        heading: null,
        recordedAt: T0.toISOString(),
      }),
      () => T0,
    );
    const review = (reviewId: string) => ({
      reviewId,
      vendorId: "v1",
      authorId: "u2",
      rating: 5,
      status: "PENDING",
      submittedAt: T0.toISOString(),
    });
    expect(
      await applySearchEvent(index, event("marketplace.review_submitted", review("held")), () => T0),
    ).toBe(false);
    expect(
      await applySearchEvent(index, event("marketplace.review_submitted", review("spam")), () => T0),
    ).toBe(false);
    const decision = (reviewId: string, verdict: "APPROVED" | "REJECTED") => ({
      reviewId,
      vendorId: "v1",
      decision: verdict,
      moderatorId: "admin",
      at: T0.toISOString(),
    });
    expect(
      await applySearchEvent(
        index,
        event("marketplace.review_moderated", decision("spam", "REJECTED")),
        () => T0,
      ),
    ).toBe(false);
    expect(
      await applySearchEvent(
        index,
        event("marketplace.review_moderated", decision("held", "APPROVED")),
        () => T0,
      ),
    ).toBe(true);
    expect((await everything()).trending).toEqual([
      { vendorId: "v1", distanceMeters: 0, activity: 1, favorites: 0, reviews: 1 },
    ]);
  });

  it("skips an event with an unreadable time instead of failing on it forever", async () => {
    const event = (type: DomainEvent["type"], payload: unknown) =>
      ({ id: "e1", type, payload, occurredAt: T0.toISOString() }) as DomainEvent;
    await expect(
      applySearchEvent(
        index,
        event("marketplace.rating_changed", { vendorId: "v1", average: 4, count: 1, updatedAt: "soon" }),
      ),
    ).resolves.toBe(false);
    await expect(
      applySearchEvent(index, event("marketplace.favorite_added", { userId: "u", vendorId: "v1", at: "" })),
    ).resolves.toBe(false);
  });

  it("reads published hours: sorted and merged, unreadable intervals dropped, none without them", () => {
    const iso = (hours: number) => new Date(T0.getTime() + hours * 3600_000).toISOString();
    const base = { vendorId: "v1", timeZone: "America/Chicago", updatedAt: iso(0) };
    expect(
      openHoursOf({
        ...base,
        horizonEnd: iso(48),
        openIntervals: [
          { start: iso(10), end: iso(12) },
          { start: iso(1), end: iso(3) },
          { start: iso(3), end: iso(5) },
          { start: iso(4), end: iso(4.5) },
          { start: "soon", end: iso(30) },
          { start: iso(20), end: iso(20) },
        ],
      }),
    ).toEqual({
      vendorId: "v1",
      intervals: [
        { start: new Date(iso(1)), end: new Date(iso(5)) },
        { start: new Date(iso(10)), end: new Date(iso(12)) },
      ],
      horizonEnd: new Date(iso(48)),
      updatedAt: T0,
    });
    // From a publisher that sends no intervals, or with unreadable times: nothing to conclude.
    expect(openHoursOf(base)).toBeNull();
    expect(openHoursOf({ ...base, openIntervals: [] })).toBeNull();
    expect(openHoursOf({ ...base, updatedAt: "start", openIntervals: [], horizonEnd: iso(1) })).toBeNull();
  });

  it("filters openNow by the latest published hours of each vendor", async () => {
    await bus.publish("marketplace.vendor_created", snapshot(1));
    const hours = (updatedAt: Date, horizonHours: number, open: boolean) =>
      bus.publish("marketplace.schedule_updated", {
        vendorId: "v1",
        timeZone: "America/Chicago",
        updatedAt: updatedAt.toISOString(),
        openIntervals: open
          ? [{ start: T0.toISOString(), end: new Date(T0.getTime() + 3600_000).toISOString() }]
          : [],
        horizonEnd: new Date(T0.getTime() + horizonHours * 3600_000).toISOString(),
      });
    await hours(T0, 24, false);
    await hours(T0, 48, true); // a refresh with a later horizon
    await hours(T0, 36, false); // an earlier horizon, late: ignored
    await hours(new Date(T0.getTime() - 1000), 96, false); // an older schedule: ignored
    await bus.publish("marketplace.vendor_created", snapshot(1, { vendorId: "v3", name: "Zz Sentinel" }));
    const consumption = followSearchEvents(bus, index, testLogger, () => T0);
    await caughtUp();
    await consumption.stop();
    // The sentinel has no schedule: its status alone counts.
    const open = async (at: Date) =>
      (await index.search({ terms: ["taco"], openAt: at, limit: 10 })).map((c) => c.vendorId).sort();
    expect(await open(T0)).toEqual(["v1", "v3"]);
    expect(await open(new Date(T0.getTime() - 1))).toEqual(["v3"]);
  });

  it("detaches from an erased person the favorites applied after their account's erasure", async () => {
    for (const vendorId of ["v1", "v2"]) {
      await applySearchEvent(index, newEvent("marketplace.vendor_created", snapshot(1, { vendorId })));
      await applySearchEvent(
        index,
        newEvent("location.vendor_location_updated", {
          vendorId,
          ...CENTER,
          accuracyMeters: null,
          heading: null,
          recordedAt: T0.toISOString(),
        }),
      );
    }
    const favorite = (userId: string, vendorId: string) =>
      applySearchEvent(
        index,
        newEvent("marketplace.favorite_added", { userId, vendorId, at: T0.toISOString() }),
        () => T0,
      );
    const erasure = newEvent("marketplace.user_deleted", { userId: "u1", at: T0.toISOString() });
    await favorite("u1", "v1");
    await favorite("u2", "v1");
    await new SearchPersonalData(index).eraseUser("u1");
    // Announced before the deletion, applied after it; the erasure's own event follows it on the bus.
    expect(await favorite("u1", "v2")).toBe(true);
    expect(await applySearchEvent(index, erasure, () => T0)).toBe(true);

    expect(await index.anonymizeActivityOf("u1")).toBe(0);
    expect(await applySearchEvent(index, erasure, () => T0)).toBe(false);
    const favorites = (await everything()).trending.map(({ vendorId, favorites }) => ({
      vendorId,
      favorites,
    }));
    expect(favorites.sort((a, b) => a.vendorId.localeCompare(b.vendorId))).toEqual([
      { vendorId: "v1", favorites: 2 },
      { vendorId: "v2", favorites: 1 },
    ]);
  });

  it("forgets activity older than the trending window", async () => {
    await bus.publish("marketplace.vendor_created", snapshot(1));
    await bus.publish("location.vendor_location_updated", {
      vendorId: "v1",
      ...CENTER,
      accuracyMeters: null,
      heading: null,
      recordedAt: T0.toISOString(),
    });
    await bus.publish("marketplace.favorite_added", {
      userId: "u1",
      vendorId: "v1",
      at: new Date(T0.getTime() - 8 * DAY_MS).toISOString(),
    });
    await bus.publish("marketplace.favorite_added", { userId: "u2", vendorId: "v1", at: T0.toISOString() });
    const consumption = followSearchEvents(bus, index, testLogger, () => T0);
    await expect.poll(async () => (await everything()).trending.length).toBe(1);
    await consumption.stop();
    expect((await everything()).trending[0]).toMatchObject({ favorites: 1, activity: 1 });
  });
});
