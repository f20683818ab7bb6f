import type { SqliteMigration } from "@venta/store";

/**
 * Favorites and each vendor's favorite count as the store created them before migrations were
 * recorded (hence IF NOT EXISTS: a data directory written then adopts this step unchanged).
 */
export const favoritesBaseline: SqliteMigration = {
  version: 1,
  name: "favorites and vendor favorite counts",
  up: (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS favorites (
        user_id TEXT NOT NULL,
        vendor_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, vendor_id)
      );
      CREATE INDEX IF NOT EXISTS favorites_by_user ON favorites (user_id, created_at, vendor_id);
      CREATE TABLE IF NOT EXISTS vendor_favorite_counts (
        vendor_id TEXT PRIMARY KEY,
        count INTEGER NOT NULL
      );
    `);
  },
};
