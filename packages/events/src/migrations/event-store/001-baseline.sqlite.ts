import type { SqliteMigration } from "@venta/store";
import { newPseudonymSalt } from "../../event-erasure.js";
import { PSEUDONYM_SALT_SETTING, SqliteEventErasure } from "../../event-erasure.sqlite.js";

/** Set once the events stored before people were indexed have been indexed (and erasures honoured). */
const PEOPLE_INDEXED = "people_indexed";

/**
 * The event store as it was before migrations were recorded, adopting files written back then: a
 * file from before erasure gets its events filed under the people they name, and the erasures it
 * holds honoured (that version stored them without redacting anything).
 */
export const eventStoreBaseline: SqliteMigration = {
  version: 1,
  name: "stored events, the people they name, erased people and the pseudonym salt",
  up: (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS stored_events (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        aggregate_type TEXT NOT NULL,
        aggregate_id TEXT NOT NULL,
        recorded_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS stored_events_by_aggregate ON stored_events (aggregate_type, aggregate_id, position);
      CREATE INDEX IF NOT EXISTS stored_events_by_type ON stored_events (type, position);
      CREATE INDEX IF NOT EXISTS stored_events_by_time ON stored_events (occurred_at);
      CREATE TABLE IF NOT EXISTS stored_event_people (
        person TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (person, position)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS erased_people (
        pseudonym TEXT PRIMARY KEY,
        erased_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS event_store_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    // Kept when the file has one: the pseudonyms of people erased so far are made with it.
    db.prepare("INSERT OR IGNORE INTO event_store_settings (name, value) VALUES (?, ?)").run(
      PSEUDONYM_SALT_SETTING,
      newPseudonymSalt(),
    );
    const indexed = db.prepare("SELECT 1 FROM event_store_settings WHERE name = ?").get(PEOPLE_INDEXED);
    if (indexed !== undefined) return;
    new SqliteEventErasure(db).indexStoredEvents();
    db.prepare("INSERT INTO event_store_settings (name, value) VALUES (?, '1')").run(PEOPLE_INDEXED);
  },
};
