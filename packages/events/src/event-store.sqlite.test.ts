import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { aggregateOf } from "./catalogue.js";
import { CAROL, erasureHistory, holdsZelda, ZELDA } from "./event-erasure.harness.js";
import { eventStoreContract } from "./event-store.contract.js";
import type { EventStore } from "./event-store.js";
import { SqliteEventStore } from "./event-store.sqlite.js";
import { newEvent } from "./outbox.js";
import { peopleIn } from "./personal-data.js";

const files = new WeakMap<EventStore, string>();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const newFile = () => {
  const dir = mkdtempSync(join(tmpdir(), "venta-event-store-"));
  dirs.push(dir);
  return join(dir, "event-store.db");
};

const openOnDisk = (file = newFile()) => {
  const store = new SqliteEventStore(file);
  files.set(store, file);
  return store;
};

/** Every text value in every table of the store's file, read through a connection of its own. */
async function everyText(store: EventStore): Promise<string[]> {
  const file = files.get(store);
  if (!file) throw new Error("not a store opened by this test");
  const raw = new Database(file, { readonly: true });
  try {
    const found: string[] = [];
    const tables = raw
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    for (const { name } of tables)
      for (const row of raw.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[])
        for (const value of Object.values(row)) if (typeof value === "string") found.push(value);
    return found;
  } finally {
    raw.close();
  }
}

eventStoreContract("SQLite", async () => openOnDisk(), everyText);

describe("SQLite event store written by an earlier version", () => {
  /** The file as the version before erasure left it: events as published, erasures included. */
  function writtenBeforeErasure(file: string) {
    const { history, erasure } = erasureHistory();
    const db = new Database(file);
    db.exec(`
      CREATE TABLE stored_events (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        aggregate_type TEXT NOT NULL,
        aggregate_id TEXT NOT NULL,
        recorded_at INTEGER NOT NULL
      );
    `);
    const insert = db.prepare(
      `INSERT INTO stored_events (id, type, payload, occurred_at, aggregate_type, aggregate_id, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const event of [...history, erasure]) {
      const aggregate = aggregateOf(event);
      insert.run(
        event.id,
        event.type,
        JSON.stringify(event.payload),
        event.occurredAt,
        aggregate.type,
        aggregate.id,
        0,
      );
    }
    db.close();
    return history;
  }

  it("honours the erasures it holds on opening, and indexes the rest for later ones", async () => {
    const file = newFile();
    const history = writtenBeforeErasure(file);
    const store = openOnDisk(file);
    try {
      expect((await everyText(store)).filter(holdsZelda)).toEqual([]);
      const carols = history.filter((event) => peopleIn(event).includes(CAROL.id));
      const stored = (await store.query({}, 100)).events.map((s) => s.event);
      for (const event of carols) expect(stored).toContainEqual(event);

      await store.append([
        newEvent("marketplace.user_deleted", { userId: CAROL.id, at: new Date().toISOString() }),
      ]);
      expect(
        (await everyText(store)).filter((text) => text.includes(CAROL.id) || text.includes("Carol")),
      ).toEqual([]);
      expect(await everyText(store)).not.toContain(ZELDA.id);
    } finally {
      await store.close();
    }
  });
});
