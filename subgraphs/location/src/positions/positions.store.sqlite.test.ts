import { sqliteMigrationsOf } from "@venta/kit";
import { migrateSqlite, openSqliteDatabase } from "@venta/store";
import type Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openSqlite } from "../stores.js";
import { positionsModule } from "./positions.module.js";
import { positionsStoreContract } from "./positions.store.contract.js";
import { SqlitePositionsStore } from "./positions.store.sqlite.js";

positionsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.positions, close: stores.close };
});

/** The store over `db` once the positions migrations ran, as a start-up opens it. */
function migratedStore(db: Database.Database): SqlitePositionsStore {
  migrateSqlite(db, sqliteMigrationsOf([positionsModule]));
  return new SqlitePositionsStore(db);
}

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
    const store = migratedStore(db);
    const area = { center: { lat: 30.2672, lng: -97.7431 }, radiusMeters: 100, filter: {} };
    expect((await store.nearby({ ...area, first: 5 })).hits.map((h) => h.position.vendorId)).toEqual(["old"]);
    expect(await store.vendorAccess(["old"])).toEqual(
      new Map([["old", { ownerId: "owner-a", listed: true }]]),
    );
    migratedStore(db);
    expect(await store.countNearby(area)).toBe(1);
    db.close();
  });
});

describe("SQLite positions store on a data file with history keyed by report id", () => {
  it("moves the history into the vendor-clustered table, newest first as before", async () => {
    const db = openSqliteDatabase(":memory:", "location");
    db.exec(`
      CREATE TABLE position_history (
        id TEXT PRIMARY KEY, vendor_id TEXT NOT NULL,
        lat REAL NOT NULL, lng REAL NOT NULL, accuracy REAL, heading REAL,
        recorded_at INTEGER NOT NULL, received_at INTEGER NOT NULL
      );
      CREATE INDEX position_history_by_vendor ON position_history (vendor_id, recorded_at DESC, id DESC);
      INSERT INTO position_history VALUES ('h1', 'cart', 30.1, -97.1, 5, NULL, 1767225600000, 1767225600100);
      INSERT INTO position_history VALUES ('h2', 'cart', 30.2, -97.2, 5, 90, 1767225660000, 1767225660100);
      INSERT INTO position_history VALUES ('h3', 'truck', 30.3, -97.3, 8, NULL, 1767225600000, 1767225600100);
    `);
    const store = migratedStore(db);
    const page = await store.history("cart", 10);
    expect(page.entries.map((e) => [e.key.id, e.report.lat, e.report.heading])).toEqual([
      ["h2", 30.2, 90],
      ["h1", 30.1, null],
    ]);
    expect((await store.history("truck", 10)).entries).toHaveLength(1);
    const legacy = db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'position_history%'").all();
    expect(legacy).toEqual([]);
    db.close();
  });
});
