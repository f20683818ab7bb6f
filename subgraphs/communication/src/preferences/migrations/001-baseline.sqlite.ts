import { addColumnIfMissing, type SqliteMigration } from "@venta/store";

/** The table preferences started with; files made before topic change times get the column. */
export const preferencesBaseline: SqliteMigration = {
  version: 1,
  name: "notification settings",
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS notification_settings (
        user_id TEXT PRIMARY KEY,
        locale TEXT,
        time_zone TEXT,
        quiet_start INTEGER,
        quiet_end INTEGER,
        topics TEXT NOT NULL,
        topics_changed_at TEXT NOT NULL DEFAULT '{}',
        updated_at INTEGER NOT NULL
      );
    `);
    addColumnIfMissing(db, "notification_settings", "topics_changed_at", "TEXT NOT NULL DEFAULT '{}'");
  },
};
