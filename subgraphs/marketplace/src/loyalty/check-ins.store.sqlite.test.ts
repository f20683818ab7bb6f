import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteDatabase } from "@venta/store";
import { describe, expect, it } from "vitest";
import { openSqlite } from "../stores.js";
import { DEFAULT_CHECK_IN_RULES, judgeCheckIn } from "./check-in-rules.js";
import { attemptFixture, checkInsStoreContract } from "./check-ins.store.contract.js";
import { SqliteCheckInsStore } from "./check-ins.store.sqlite.js";

checkInsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.checkIns, close: stores.close };
});

describe("SQLite check-ins store", () => {
  it("limits a person across processes: each sees the check-ins the others recorded", async () => {
    const dir = mkdtempSync(join(tmpdir(), "venta-check-ins-"));
    const processes = [0, 1, 2].map(() => openSqliteDatabase(dir, "marketplace"));
    const stores = processes.map((db) => new SqliteCheckInsStore(db));
    const rules = { ...DEFAULT_CHECK_IN_RULES, limitPerHour: 3 };
    const windows = { since: new Date(0), keepSince: new Date(0) };
    const outcomes: string[] = [];
    for (const store of [...stores, ...stores]) {
      const attempt = attemptFixture("u1", 0);
      const { verdict } = await store.record(attempt, windows, (history) =>
        judgeCheckIn(history, { ...attempt, at: attempt.at }, rules),
      );
      outcomes.push(verdict.status);
    }
    expect(outcomes).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED", "LIMITED", "LIMITED", "LIMITED"]);
    for (const db of processes) db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
