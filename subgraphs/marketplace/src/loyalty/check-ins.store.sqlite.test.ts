import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteHandle } from "@venta/events";
import { describe, expect, it } from "vitest";
import { sqliteHandleFor } from "../store.harness.js";
import { DEFAULT_CHECK_IN_RULES, judgeCheckIn } from "./check-in-rules.js";
import { attemptFixture, checkInsStoreContract } from "./check-ins.store.contract.js";
import { SqliteCheckInsStore } from "./check-ins.store.sqlite.js";
import { loyaltyMigrations } from "./loyalty.migrations.js";

checkInsStoreContract("SQLite", async () => {
  const handle = sqliteHandleFor("loyalty", loyaltyMigrations);
  return { store: new SqliteCheckInsStore(handle.db), close: handle.close };
});

describe("SQLite check-ins store", () => {
  it("limits a person across processes: each sees the check-ins the others recorded", async () => {
    const dir = mkdtempSync(join(tmpdir(), "venta-check-ins-"));
    // Each process migrates the file as it starts; only the first finds anything to do.
    const processes = [0, 1, 2].map(
      () => openSqliteHandle(dir, "marketplace", [{ module: "loyalty", steps: loyaltyMigrations.sqlite }]).db,
    );
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
