import type { SqliteMigration } from "@venta/store";

/**
 * The SQLite delivery queue's table: the due jobs. It lives in its own file (`notification-jobs.db`),
 * so its steps are numbered apart from notifications' steps in `communication.db`.
 */
export const deliveryJobsBaseline: SqliteMigration = {
  version: 1,
  name: "delivery jobs",
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS delivery_jobs (
        id TEXT PRIMARY KEY,
        due_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        lease_until INTEGER
      );
      CREATE INDEX IF NOT EXISTS delivery_jobs_due ON delivery_jobs (due_at);
    `);
  },
};
