import type { SqliteMigration } from "@venta/store";

/**
 * The geofences tables as the store created them before migrations were recorded: fences, their
 * R*Tree entries (`geofence_entries` hands out ids never reused), memberships by vendor, the change
 * counts per cell, the vendors inside a fence for the offline sweep, and the erased people.
 */
export const geofencesBaseline: SqliteMigration = {
  version: 1,
  name: "baseline",
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS geofences (
        row INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        name TEXT NOT NULL,
        shape TEXT NOT NULL,
        roaming INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS geofences_by_owner ON geofences (kind, owner_id, created_at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS geofences_roaming ON geofences (owner_id) WHERE roaming = 1;
      CREATE TABLE IF NOT EXISTS geofence_entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        fence INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS geofence_entries_by_fence ON geofence_entries (fence);
      CREATE VIRTUAL TABLE IF NOT EXISTS fence_index USING rtree(
        id, min_lat, max_lat, min_lng, max_lng, +fence, +kind, +vendor, +radius, +geometry
      );
      CREATE TABLE IF NOT EXISTS geofence_memberships (
        vendor_id TEXT NOT NULL,
        fence INTEGER NOT NULL,
        entered_at INTEGER NOT NULL,
        PRIMARY KEY (vendor_id, fence)
      ) WITHOUT ROWID;
      -- Occupants are found through the positions' index: an index by fence cost every crossing a page.
      DROP INDEX IF EXISTS geofence_memberships_by_fence;
      CREATE TABLE IF NOT EXISTS fence_cells (
        cell INTEGER PRIMARY KEY,
        changes INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS fenced_vendors (
        vendor_id TEXT PRIMARY KEY,
        seen_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS fenced_vendors_by_seen_at ON fenced_vendors (seen_at);
      CREATE TABLE IF NOT EXISTS erased_people (
        person_id TEXT PRIMARY KEY,
        erased_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
