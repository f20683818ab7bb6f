import { addColumnIfMissing, type SqliteMigration } from "@venta/store";

/**
 * Baseline: the vendors table as the stores made it before migrations were recorded. Files from
 * before onboarding lack its columns and gain them; their vendors were all public, so they stay
 * VERIFIED. The onboarding indexes come after the columns they cover.
 */
export const vendorsBaseline: SqliteMigration = {
  version: 1,
  name: "vendors with onboarding",
  up: (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS vendors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        slug TEXT NOT NULL UNIQUE,
        description TEXT,
        cuisines TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        status TEXT NOT NULL,
        verification TEXT NOT NULL DEFAULT 'VERIFIED',
        rejection_reason TEXT,
        submitted_at INTEGER,
        version INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS vendors_by_creation ON vendors (created_at, id);
      CREATE INDEX IF NOT EXISTS vendors_by_owner ON vendors (owner_id, created_at, id);
    `);
    addColumnIfMissing(db, "vendors", "verification", "TEXT NOT NULL DEFAULT 'VERIFIED'");
    addColumnIfMissing(db, "vendors", "rejection_reason", "TEXT");
    addColumnIfMissing(db, "vendors", "submitted_at", "INTEGER");
    db.exec(`
      CREATE INDEX IF NOT EXISTS vendors_by_verification ON vendors (verification, created_at, id);
      CREATE INDEX IF NOT EXISTS vendors_review_queue ON vendors (verification, submitted_at, id);
    `);
  },
};
