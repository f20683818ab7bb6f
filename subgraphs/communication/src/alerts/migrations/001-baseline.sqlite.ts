import type { SqliteMigration } from "@venta/store";

/** The tables vendor alerts started with: the favorites and vendors they follow, and the alerts sent. */
export const alertsBaseline: SqliteMigration = {
  version: 1,
  name: "favorites, vendors and sent alerts",
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS alert_favorites (
        user_id TEXT NOT NULL,
        vendor_id TEXT NOT NULL,
        favorited INTEGER NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (user_id, vendor_id)
      );
      CREATE TABLE IF NOT EXISTS alert_vendors (
        vendor_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        listed INTEGER NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS vendor_alerts_sent (
        user_id TEXT NOT NULL,
        vendor_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (user_id, vendor_id)
      );
    `);
  },
};
