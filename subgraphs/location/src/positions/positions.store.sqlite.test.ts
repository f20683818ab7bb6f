import { openSqliteDatabase } from "@venta/kit";
import { describe, expect, it } from "vitest";
import { openSqlite } from "../stores.js";
import { positionsStoreContract } from "./positions.store.contract.js";
import { SqlitePositionsStore } from "./positions.store.sqlite.js";

positionsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.positions, close: stores.close };
});

describe("SQLite positions store on a data file from before onboarding", () => {
  it("gains the verified column and keeps listing the vendors it already knew", async () => {
    const db = openSqliteDatabase(":memory:", "location");
    db.exec(`
      CREATE TABLE vendors (
        id INTEGER PRIMARY KEY, vendor_id TEXT NOT NULL UNIQUE, version INTEGER,
        is_open INTEGER NOT NULL DEFAULT 0,
        lat REAL, lng REAL, accuracy REAL, heading REAL, recorded_at INTEGER, owner_id TEXT
      );
      CREATE VIRTUAL TABLE position_index USING rtree(
        id, min_lat, max_lat, min_lng, max_lng, +lat, +lng, +recorded_at, +is_open
      );
      INSERT INTO vendors VALUES (1, 'old', 1, 1, 30.2672, -97.7431, 5, NULL, 1767225600000, 'owner-a');
      INSERT INTO position_index VALUES (1, 30.2672, 30.2672, -97.7431, -97.7431, 30.2672, -97.7431, 1767225600000, 1);
    `);
    const store = new SqlitePositionsStore(db);
    const area = { center: { lat: 30.2672, lng: -97.7431 }, radiusMeters: 100, filter: {} };
    expect((await store.nearby({ ...area, first: 5 })).hits.map((h) => h.position.vendorId)).toEqual(["old"]);
    expect(await store.vendorAccess(["old"])).toEqual(
      new Map([["old", { ownerId: "owner-a", listed: true }]]),
    );
    new SqlitePositionsStore(db);
    expect(await store.countNearby(area)).toBe(1);
    db.close();
  });
});
