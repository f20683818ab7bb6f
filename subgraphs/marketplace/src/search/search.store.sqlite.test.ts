import { migrateSqlite, openSqliteDatabase } from "@venta/store";
import { describe, expect, it } from "vitest";
import { sqliteHandleFor } from "../store.harness.js";
import { searchMigrations } from "./search.migrations.js";
import { searchIndexContract } from "./search.store.contract.js";
import { SqliteSearchIndex } from "./search.store.sqlite.js";

searchIndexContract("SQLite", async () => {
  const handle = sqliteHandleFor("search", searchMigrations);
  return { index: new SqliteSearchIndex(handle.db), close: handle.close };
});

describe("SQLite search index on a data file from before opening hours were indexed", () => {
  it("gains the schedule columns; its vendors go by their status until hours arrive", async () => {
    const db = openSqliteDatabase(":memory:", "marketplace");
    db.exec(`
      CREATE TABLE search_documents (
        id INTEGER PRIMARY KEY, vendor_id TEXT NOT NULL UNIQUE, version INTEGER,
        name TEXT NOT NULL DEFAULT '', cuisines TEXT NOT NULL DEFAULT '[]', description TEXT,
        status TEXT, verification TEXT, menu TEXT NOT NULL DEFAULT '[]', menu_updated_at INTEGER,
        rating_average REAL, rating_count INTEGER NOT NULL DEFAULT 0, rating_updated_at INTEGER,
        lat REAL, lng REAL, recorded_at INTEGER
      );
      CREATE VIRTUAL TABLE search_text USING fts5(
        name, cuisines, menu, description, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
      );
      INSERT INTO search_documents (id, vendor_id, version, name, cuisines, status)
        VALUES (1, 'old', 1, 'Old Cart', '["tacos"]', 'OPEN');
      INSERT INTO search_text (rowid, name, cuisines, menu, description) VALUES (1, 'Old Cart', 'tacos', '', '');
    `);
    const migrate = () => migrateSqlite(db, [{ module: "search", steps: searchMigrations.sqlite }]);
    migrate();
    const index = new SqliteSearchIndex(db);
    const at = new Date("2026-03-02T18:00:00Z");
    const open = async () => (await index.search({ terms: ["cart"], openAt: at, limit: 5 })).length;
    expect(await open()).toBe(1);
    await index.applyOpenHours({ vendorId: "old", intervals: [], horizonEnd: at, updatedAt: at });
    expect(await open()).toBe(0);
    // Opening the file again keeps what it holds.
    expect(migrate().applied).toEqual([]);
    expect(await new SqliteSearchIndex(db).search({ terms: ["cart"], openAt: at, limit: 5 })).toEqual([]);
    db.close();
  });
});
