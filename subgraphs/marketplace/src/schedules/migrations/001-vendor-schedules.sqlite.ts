import { addColumnIfMissing, type SqliteMigration } from "@venta/store";

/**
 * Baseline: vendor schedules as the store made them before migrations were recorded. Files from
 * before horizons were published gain the column: every schedule is then due.
 */
export const schedulesBaseline: SqliteMigration = {
  version: 1,
  name: "vendor schedules with published horizons",
  up: (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS vendor_schedules (
        vendor_id TEXT PRIMARY KEY,
        time_zone TEXT NOT NULL,
        weekly TEXT NOT NULL,
        exceptions TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        published_until INTEGER
      );
    `);
    addColumnIfMissing(db, "vendor_schedules", "published_until", "INTEGER");
    db.exec(
      "CREATE INDEX IF NOT EXISTS vendor_schedules_by_horizon ON vendor_schedules (published_until, vendor_id)",
    );
  },
};
