import type { SqliteMigration } from "@venta/store";

/** The feed's table as it was before migrations were recorded; adopts files written back then. */
export const liveFeedBaseline: SqliteMigration = {
  version: 1,
  name: "live updates",
  up: (db) => {
    db.exec(`CREATE TABLE IF NOT EXISTS live_updates (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      channels TEXT NOT NULL,
      payload TEXT NOT NULL,
      published_at INTEGER NOT NULL
    )`);
  },
};
