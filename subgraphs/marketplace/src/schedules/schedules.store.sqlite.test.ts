import { SqliteOutbox } from "@venta/events";
import { openSqliteDatabase } from "@venta/store";
import { describe, expect, it } from "vitest";
import { migrateMarketplaceSqlite, openSqlite } from "../stores.js";
import { schedulesStoreContract } from "./schedules.store.contract.js";
import { SqliteSchedulesStore } from "./schedules.store.sqlite.js";

schedulesStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.schedules, outbox: stores.outbox, close: stores.close };
});

describe("SQLite schedules migrations on a data file from before published horizons", () => {
  it("gains the column, and every schedule it held is due for publishing", async () => {
    const db = openSqliteDatabase(":memory:", "marketplace");
    db.exec(`
      CREATE TABLE vendor_schedules (
        vendor_id TEXT PRIMARY KEY, time_zone TEXT NOT NULL, weekly TEXT NOT NULL,
        exceptions TEXT NOT NULL, updated_at INTEGER NOT NULL
      );
      INSERT INTO vendor_schedules VALUES ('old', 'America/Chicago', '[]', '[]', 1767225600000);
    `);
    migrateMarketplaceSqlite(db);
    const outbox = new SqliteOutbox(db);
    const store = new SqliteSchedulesStore(db, outbox);
    const due = await store.dueForRefresh(new Date(0), null, 10);
    expect(due.map((s) => s.vendorId)).toEqual(["old"]);
    await store.recordHorizon("old", new Date(1767225600000), new Date(1767225600000 + 1000));
    // Opening the file again changes nothing.
    expect(migrateMarketplaceSqlite(db).applied).toEqual([]);
    expect(
      await new SqliteSchedulesStore(db, outbox).dueForRefresh(new Date(1767225600000), null, 10),
    ).toEqual([]);
    db.close();
  });
});
