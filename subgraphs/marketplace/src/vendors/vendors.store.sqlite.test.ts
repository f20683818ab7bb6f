import { SqliteOutbox } from "@venta/events";
import { openSqliteDatabase } from "@venta/store";
import { describe, expect, it } from "vitest";
import { migrateMarketplaceSqlite, openSqlite } from "../stores.js";
import { vendorsStoreContract } from "./vendors.store.contract.js";
import { SqliteVendorsStore } from "./vendors.store.sqlite.js";

vendorsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.vendors, outbox: stores.outbox, close: stores.close };
});

describe("SQLite vendors migrations on a data file from before onboarding", () => {
  it("gains the onboarding columns, and keeps its vendors public (VERIFIED)", async () => {
    const db = openSqliteDatabase(":memory:", "marketplace");
    db.exec(`
      CREATE TABLE vendors (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, slug TEXT NOT NULL UNIQUE, description TEXT,
        cuisines TEXT NOT NULL, owner_id TEXT NOT NULL, status TEXT NOT NULL, version INTEGER NOT NULL,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
      );
      INSERT INTO vendors VALUES ('old-1', 'Old Cart', 'old-cart', NULL, '["tacos"]', 'owner-a', 'OPEN', 3, 0, 0);
    `);
    migrateMarketplaceSqlite(db);
    const store = new SqliteVendorsStore(db, new SqliteOutbox(db));
    expect(await store.findById("old-1")).toMatchObject({
      verification: "VERIFIED",
      rejectionReason: null,
      submittedAt: null,
      version: 3,
    });
    expect(await store.count({ visibleTo: { userId: null } })).toBe(1);
    // Opening it again changes nothing.
    expect(migrateMarketplaceSqlite(db).applied).toEqual([]);
    expect(await store.count({})).toBe(1);
    db.close();
  });
});
