import { addColumnIfMissing, type SqliteMigration } from "@venta/store";

/** The event log as it was before migrations were recorded; adopts files written back then. */
export const eventBusBaseline: SqliteMigration = {
  version: 1,
  name: "events, consumer offsets and dead letters",
  up: (db) => {
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
    // The event types a consumer reads, as JSON: lag counts only those. Older files lack it.
    addColumnIfMissing(db, "consumer_offsets", "types", "TEXT");
  },
};
