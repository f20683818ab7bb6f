import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { anonymous } from "@venta/auth";
import { mongoStoresOn, openSqliteStores } from "@venta/events";
import { assembleLoaders, assembleServices, sqliteMigrationsOf } from "@venta/kit";
import { SqliteLiveFeed } from "@venta/live";
import Database from "better-sqlite3";
import mongoose from "mongoose";
import { describe, expect, it } from "vitest";
import * as location from "./index.js";
import { locationModules } from "./modules.js";
import { SqlitePositionsStore } from "./positions/positions.store.sqlite.js";
import { migrateLocationDatabase } from "./stores.js";

const undefinedKeys = (value: object) =>
  Object.entries(value)
    .filter(([, member]) => member === undefined)
    .map(([key]) => key);

describe("location modules", () => {
  it("assemble the same stores on SQLite and MongoDB, none missing", async () => {
    const sqlite = openSqliteStores({ subgraph: "location", modules: locationModules }, ":memory:");
    // Never opened: building the stores registers models and talks to no server.
    const connection = mongoose.createConnection();
    const mongo = mongoStoresOn(locationModules, connection);
    try {
      expect(Object.keys(mongo).sort()).toEqual(Object.keys(sqlite).sort());
      expect(Object.keys(sqlite)).toEqual(
        expect.arrayContaining(["positions", "positionReports", "geofences", "outbox"]),
      );
      expect(undefinedKeys(sqlite)).toEqual([]);
      expect(undefinedKeys(mongo)).toEqual([]);
    } finally {
      await sqlite.close();
      await connection.close();
    }
  });

  it("build each database its own positions and geofences stores", async () => {
    const stores = openSqliteStores({ subgraph: "location", modules: locationModules }, ":memory:");
    const again = openSqliteStores({ subgraph: "location", modules: locationModules }, ":memory:");
    expect(stores.positions).not.toBe(again.positions);
    expect(stores.geofences).not.toBe(again.geofences);
    await stores.close();
    await again.close();
  });

  it("assemble services and per-request loaders, none missing", async () => {
    const stores = openSqliteStores({ subgraph: "location", modules: locationModules }, ":memory:");
    const feed = new SqliteLiveFeed(join(mkdtempSync(join(tmpdir(), "venta-live-")), "live.db"), 5);
    try {
      const services = assembleServices(locationModules, stores, {
        feed,
        liveWindowSeconds: 120,
        now: () => new Date(),
      });
      expect(Object.keys(services).sort()).toEqual(
        ["feed", "geofences", "hub", "liveWindowSeconds", "now", "positionReports", "positions"].sort(),
      );
      expect(undefinedKeys(services)).toEqual([]);
      const loaders = assembleLoaders(locationModules, services, anonymous);
      expect(Object.keys(loaders)).toEqual(["position"]);
      expect(undefinedKeys(loaders)).toEqual([]);
    } finally {
      await feed.close();
      await stores.close();
    }
  });

  it("list each module's migrations once, under the module's name", () => {
    const names = sqliteMigrationsOf(locationModules).map((m) => m.module);
    expect(names).toEqual(["positions", "geofences", "live", "projection"]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("let a tool construct the positions store on a database it migrated itself", async () => {
    const db = new Database(":memory:");
    const report = migrateLocationDatabase(db);
    expect(report.applied.map((step) => step.module)).toEqual(
      expect.arrayContaining(["positions", "geofences"]),
    );
    const positions = new SqlitePositionsStore(db);
    await positions.applyVendor({ vendorId: "cart", cuisines: [], isOpen: true, ownerId: null, version: 1 });
    expect((await positions.vendorAccess(["cart"])).get("cart")).toEqual({ ownerId: null, listed: true });
    db.close();
  });

  it("are each exported from the package, so its types carry every module's members", () => {
    const exported = new Set<unknown>(Object.values(location));
    for (const module of locationModules) expect(exported.has(module), module.name).toBe(true);
  });
});
