import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Consumption,
  type EventPayload,
  type EventType,
  recordEvents,
  recorderCaughtUp,
  replayProjection,
  SqliteEventBus,
  SqliteEventStore,
  type VendorSnapshot,
} from "@venta/events";
import { testLogger } from "@venta/testing";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MarketplaceStores, openSqlite } from "../stores.js";
import { followSearchEvents, searchProjection } from "./search.projection.js";

const T0 = new Date(Date.UTC(2026, 0, 10, 12));
const DAY_MS = 24 * 3600_000;
const CENTER = { lat: 30.2672, lng: -97.7431 };
const ZELDA = "user-zelda-7f3a";
const CAROL = "user-carol-52d1";

const snapshot = (vendorId: string, name: string): VendorSnapshot => ({
  vendorId,
  name,
  cuisines: ["tacos"],
  status: "OPEN",
  ownerId: "owner-1",
  version: 1,
  updatedAt: T0.toISOString(),
  verification: "VERIFIED",
});

describe("the search index rebuilt from the event store after a person's erasure", () => {
  let dir: string;
  let bus: SqliteEventBus;
  let eventStore: SqliteEventStore;
  let stores: MarketplaceStores;
  let consumptions: Consumption[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "venta-search-replay-"));
    bus = new SqliteEventBus(":memory:", testLogger, 5);
    eventStore = new SqliteEventStore(join(dir, "event-store.db"));
    stores = openSqlite(dir);
    consumptions = [
      recordEvents(bus, eventStore, testLogger),
      followSearchEvents(bus, stores.searchIndex, testLogger, () => T0),
    ];
  });
  afterEach(async () => {
    for (const consumption of consumptions) await consumption.stop();
    await bus.close();
    await eventStore.close();
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const publish = <T extends EventType>(type: T, payload: EventPayload<T>) => bus.publish(type, payload);
  const trending = () =>
    stores.searchIndex.trending({
      center: CENTER,
      radiusMeters: 1000,
      since: new Date(T0.getTime() - 7 * DAY_MS),
      asOf: T0,
      halfLifeMs: 2 * DAY_MS,
    });
  /** Every text value in marketplace's database, where the search index lives. */
  const marketplaceText = () => {
    const raw = new Database(join(dir, "marketplace.db"), { readonly: true });
    try {
      const tables = raw
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all();
      return tables.flatMap(({ name }) =>
        (raw.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).flatMap((row) =>
          Object.values(row).filter((value): value is string => typeof value === "string"),
        ),
      );
    } finally {
      raw.close();
    }
  };

  it("replays the erased person's favorites and reviews anonymously, ranking vendors as before", async () => {
    for (const [vendorId, name] of [
      ["v1", "Taco Loco"],
      ["v2", "Tamale Time"],
    ] as const) {
      await publish("marketplace.vendor_created", snapshot(vendorId, name));
      await publish("location.vendor_location_updated", {
        vendorId,
        ...CENTER,
        accuracyMeters: 5,
        heading: null,
        recordedAt: T0.toISOString(),
      });
    }
    const favorite = (userId: string, vendorId: string, daysAgo: number) =>
      publish("marketplace.favorite_added", {
        userId,
        vendorId,
        at: new Date(T0.getTime() - daysAgo * DAY_MS).toISOString(),
      });
    await favorite(ZELDA, "v1", 1);
    await favorite(CAROL, "v1", 1);
    await favorite(ZELDA, "v2", 2);
    await publish("marketplace.review_submitted", {
      reviewId: "review-zelda",
      vendorId: "v2",
      authorId: ZELDA,
      rating: 5,
      status: "PUBLISHED",
      submittedAt: T0.toISOString(),
    });
    await recorderCaughtUp(bus);
    await expect.poll(async () => (await trending()).length).toBe(2);
    const before = await trending();
    expect(before.find((candidate) => candidate.vendorId === "v1")?.favorites).toBe(2);
    expect(marketplaceText().some((text) => text.includes(ZELDA))).toBe(true);

    await publish("marketplace.user_deleted", { userId: ZELDA, at: T0.toISOString() });
    await recorderCaughtUp(bus);
    const report = await replayProjection({
      store: eventStore,
      projection: searchProjection(stores.searchIndex, testLogger, () => T0),
      caughtUp: () => recorderCaughtUp(bus),
    });

    expect(report.byType).toMatchObject({
      "marketplace.favorite_added": 3,
      "marketplace.review_submitted": 1,
    });
    expect(await trending()).toEqual(before);
    expect(marketplaceText().filter((text) => text.includes(ZELDA))).toEqual([]);
  });
});
