import { addColumnIfMissing, type SqliteMigration } from "@venta/store";

/**
 * The positions tables as the store created them before migrations were recorded: `vendors` (each
 * vendor's projection and current position), its open intervals and cuisines, the R*Tree
 * `position_index` of listed vendors with a position, and the vendor-clustered history.
 */
export const positionsBaseline: SqliteMigration = {
  version: 1,
  name: "baseline",
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS vendors (
        id INTEGER PRIMARY KEY,
        vendor_id TEXT NOT NULL UNIQUE,
        version INTEGER,
        is_open INTEGER NOT NULL DEFAULT 0,
        lat REAL, lng REAL, accuracy REAL, heading REAL, recorded_at INTEGER,
        owner_id TEXT,
        verified INTEGER NOT NULL DEFAULT 1,
        has_schedule INTEGER NOT NULL DEFAULT 0,
        schedule_updated_at INTEGER,
        schedule_horizon_end INTEGER
      );
      CREATE TABLE IF NOT EXISTS vendor_open_intervals (
        vendor INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, PRIMARY KEY (vendor, start)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS vendor_cuisines (
        vendor INTEGER NOT NULL, cuisine TEXT NOT NULL, PRIMARY KEY (vendor, cuisine)
      ) WITHOUT ROWID;
      CREATE VIRTUAL TABLE IF NOT EXISTS position_index USING rtree(
        id, min_lat, max_lat, min_lng, max_lng, +lat, +lng, +recorded_at, +is_open
      );
      CREATE TABLE IF NOT EXISTS vendor_position_history (
        vendor_id TEXT NOT NULL,
        recorded_at INTEGER NOT NULL,
        id TEXT NOT NULL,
        lat REAL NOT NULL, lng REAL NOT NULL, accuracy REAL, heading REAL,
        received_at INTEGER NOT NULL,
        PRIMARY KEY (vendor_id, recorded_at, id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS vendors_by_recorded_at ON vendors (recorded_at);
    `);
    // History used to be keyed by its random ids with a second index by vendor: every report wrote
    // two pages far apart. Clustered by vendor it writes one, beside the vendor's previous report.
    const legacy = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'position_history'")
      .get();
    if (legacy) {
      db.exec(`
        INSERT OR IGNORE INTO vendor_position_history
          (vendor_id, recorded_at, id, lat, lng, accuracy, heading, received_at)
          SELECT vendor_id, recorded_at, id, lat, lng, accuracy, heading, received_at FROM position_history;
        DROP TABLE position_history;
      `);
    }
    // Data files from before owners were projected gain the column; the next snapshot fills it.
    addColumnIfMissing(db, "vendors", "owner_id", "TEXT");
    // Likewise for onboarding: vendors projected before it were all public, so they stay listed.
    addColumnIfMissing(db, "vendors", "verified", "INTEGER NOT NULL DEFAULT 1");
    // And for opening hours: no vendor has a schedule until marketplace publishes its hours again
    // (its refresher does, for every schedule), so until then the status alone decides, as before.
    addColumnIfMissing(db, "vendors", "has_schedule", "INTEGER NOT NULL DEFAULT 0");
    addColumnIfMissing(db, "vendors", "schedule_updated_at", "INTEGER");
    addColumnIfMissing(db, "vendors", "schedule_horizon_end", "INTEGER");
  },
};
