import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testLogger } from "@venta/testing";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { collect, created, sleep, snapshot, until, vendorOf } from "./event-bus.harness.js";
import { SqliteEventBus } from "./event-bus.sqlite.js";

describe("SQLite event bus: an events.db written by an older version", () => {
  let bus: SqliteEventBus | undefined;
  afterEach(async () => {
    await bus?.close();
  });

  it("is brought up to date, and its consumers resume where they were", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "venta-bus-")), "events.db");
    const old = new Database(file);
    old.exec(`
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        occurred_at TEXT NOT NULL
      );
      CREATE TABLE consumer_offsets (consumer TEXT PRIMARY KEY, seq INTEGER NOT NULL);
    `);
    const insert = old.prepare("INSERT INTO events (id, type, payload, occurred_at) VALUES (?, ?, ?, ?)");
    for (const id of ["a", "b"])
      insert.run(id, created, JSON.stringify(snapshot(id)), new Date().toISOString());
    old.prepare("INSERT INTO consumer_offsets (consumer, seq) VALUES ('old-timer', 1)").run();
    old.close();

    bus = new SqliteEventBus(file, testLogger, 10);
    // Types unknown until the consumer next starts: every later event counts.
    expect(await bus.stats()).toEqual([{ consumer: "old-timer", lag: 1, pending: 0, deadLetters: 0 }]);
    const { seen } = collect(bus, "old-timer");
    await until(() => seen.length === 1);
    await sleep(100);
    expect(seen.map(vendorOf)).toEqual(["b"]);
    expect(await bus.stats()).toEqual([{ consumer: "old-timer", lag: 0, pending: 0, deadLetters: 0 }]);
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.prepare("SELECT module, version FROM schema_migrations").all()).toEqual([
        { module: "event-bus", version: 1 },
        { module: "event-bus", version: 2 },
        { module: "event-bus", version: 3 },
      ]);
    } finally {
      raw.close();
    }
  });

  it("opens twice in a row without changing anything the second time", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "venta-bus-")), "events.db");
    await new SqliteEventBus(file, testLogger).close();
    bus = new SqliteEventBus(file, testLogger);
    await expect(bus.stats()).resolves.toEqual([]);
  });
});
