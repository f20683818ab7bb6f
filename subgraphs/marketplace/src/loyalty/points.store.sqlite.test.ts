import { SqliteOutbox } from "@venta/events";
import { openSqliteDatabase } from "@venta/store";
import { describe, expect, it } from "vitest";
import { openSqlite } from "../stores.js";
import { entryFixture, pointsStoreContract } from "./points.store.contract.js";
import { SqlitePointsStore } from "./points.store.sqlite.js";

pointsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.points, outbox: stores.outbox, close: stores.close };
});

describe("SQLite points ledger", () => {
  it("refuses to change a ledger row once written: it is append-only", async () => {
    const db = openSqliteDatabase(":memory:", "marketplace");
    const store = new SqlitePointsStore(db, new SqliteOutbox(db));
    await store.append(entryFixture("u1", "v1", 10, { id: "e1" }));
    expect(() => db.prepare("UPDATE points_ledger SET delta = 1000 WHERE id = 'e1'").run()).toThrow(
      /append-only/,
    );
    expect((await store.findBalance("u1", "v1"))?.points).toBe(10);
    db.close();
  });
});
