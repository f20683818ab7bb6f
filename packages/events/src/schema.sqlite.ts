import type Database from "better-sqlite3";

/**
 * Creates the event log's tables, and brings files written by older versions up to date: the file
 * lives in DATA_DIR and outlives upgrades.
 */
export function prepareSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL,
      payload TEXT NOT NULL,
      occurred_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS consumer_offsets (consumer TEXT PRIMARY KEY, seq INTEGER NOT NULL);
    -- state: 'dead' until an operator redrives the letter, then 'redriven' until its consumer has it.
    CREATE TABLE IF NOT EXISTS dead_letters (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      consumer TEXT NOT NULL,
      event_id TEXT NOT NULL,
      type TEXT NOT NULL,
      payload TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      error TEXT NOT NULL,
      attempts INTEGER NOT NULL,
      dead_at TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'dead'
    );
    CREATE INDEX IF NOT EXISTS dead_letters_by_consumer ON dead_letters (consumer, state, seq);
  `);
  // Immediate: processes opening the same old file at once must not both try to add the column.
  db.transaction(() => {
    const columns = db.prepare<[], { name: string }>("PRAGMA table_info(consumer_offsets)").all();
    // The event types a consumer reads, as JSON: lag counts only those.
    if (!columns.some((column) => column.name === "types")) {
      db.exec("ALTER TABLE consumer_offsets ADD COLUMN types TEXT");
    }
  }).immediate();
}
