import { describe, expect, it } from "vitest";
import { sqliteHandleFor } from "../store.harness.js";
import { loyaltyMigrations } from "./loyalty.migrations.js";
import { entryFixture, pointsStoreContract } from "./points.store.contract.js";
import { SqlitePointsStore } from "./points.store.sqlite.js";

pointsStoreContract("SQLite", async () => {
  const handle = sqliteHandleFor("loyalty", loyaltyMigrations);
  return {
    store: new SqlitePointsStore(handle.db, handle.outbox),
    outbox: handle.outbox,
    close: handle.close,
  };
});

describe("SQLite points ledger", () => {
  it("refuses to change a ledger row once written: it is append-only", async () => {
    const { db, outbox } = sqliteHandleFor("loyalty", loyaltyMigrations);
    const store = new SqlitePointsStore(db, outbox);
    await store.append(entryFixture("u1", "v1", 10, { id: "e1" }));
    expect(() => db.prepare("UPDATE points_ledger SET delta = 1000 WHERE id = 'e1'").run()).toThrow(
      /append-only/,
    );
    expect((await store.findBalance("u1", "v1"))?.points).toBe(10);
    db.close();
  });
});
