import type { SqliteMigration } from "@venta/store";

/** Baseline: vendor media records as the store made them before migrations were recorded. */
export const vendorMediaBaseline: SqliteMigration = {
  version: 1,
  name: "vendor media",
  up: (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS vendor_media (
        id TEXT PRIMARY KEY,
        vendor_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        storage_key TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        uploaded_by TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS vendor_media_by_vendor ON vendor_media (vendor_id, kind, created_at, id);
    `);
  },
};
