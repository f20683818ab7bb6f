import { addColumnIfMissing, type SqliteMigration } from "@venta/store";

/**
 * The search index as the store created it before migrations were recorded (hence IF NOT EXISTS:
 * a data directory written then adopts this step unchanged, its FTS rowids included). Indexes from
 * before opening hours were indexed gain the schedule columns: no vendor has hours until
 * marketplace's refresher publishes them again.
 */
export const searchBaseline: SqliteMigration = {
  version: 1,
  name: "search documents, text, activity and open intervals",
  up: (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS search_documents (
        id INTEGER PRIMARY KEY,
        vendor_id TEXT NOT NULL UNIQUE,
        version INTEGER,
        name TEXT NOT NULL DEFAULT '',
        cuisines TEXT NOT NULL DEFAULT '[]',
        description TEXT,
        status TEXT,
        verification TEXT,
        menu TEXT NOT NULL DEFAULT '[]',
        menu_updated_at INTEGER,
        rating_average REAL,
        rating_count INTEGER NOT NULL DEFAULT 0,
        rating_updated_at INTEGER,
        lat REAL, lng REAL, recorded_at INTEGER,
        has_schedule INTEGER NOT NULL DEFAULT 0,
        schedule_updated_at INTEGER,
        schedule_horizon_end INTEGER
      );
      CREATE INDEX IF NOT EXISTS search_documents_by_position ON search_documents (lat, lng);
      CREATE VIRTUAL TABLE IF NOT EXISTS search_text USING fts5(
        name, cuisines, menu, description,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3 4'
      );
      CREATE TABLE IF NOT EXISTS search_activity (
        key TEXT PRIMARY KEY,
        vendor_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS search_activity_by_vendor ON search_activity (vendor_id, at);
      CREATE INDEX IF NOT EXISTS search_activity_by_time ON search_activity (at);
    `);
    addColumnIfMissing(db, "search_documents", "has_schedule", "INTEGER NOT NULL DEFAULT 0");
    addColumnIfMissing(db, "search_documents", "schedule_updated_at", "INTEGER");
    addColumnIfMissing(db, "search_documents", "schedule_horizon_end", "INTEGER");
    db.exec(`
      CREATE TABLE IF NOT EXISTS search_open_intervals (
        document INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
        PRIMARY KEY (document, start)
      ) WITHOUT ROWID;
    `);
  },
};
