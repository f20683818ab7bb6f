import type { Announce, SqliteOutbox } from "@venta/events";
import { pageLimit, pageOf } from "@venta/store";
import type Database from "better-sqlite3";
import type { FavoriteCountRecord, FavoriteListKey, FavoriteRecord } from "./favorite.record.js";
import type { FavoritePage, FavoritesStore } from "./favorites.store.js";

interface FavoriteRow {
  user_id: string;
  vendor_id: string;
  created_at: number;
}

const toRecord = (row: FavoriteRow): FavoriteRecord => ({
  userId: row.user_id,
  vendorId: row.vendor_id,
  createdAt: new Date(row.created_at),
});

/**
 * Favorites in the embedded SQLite database, with a per-vendor counter that moves in the same
 * transaction as the favorite it counts, so it never drifts from the rows.
 */
export class SqliteFavoritesStore implements FavoritesStore {
  constructor(
    private readonly db: Database.Database,
    private readonly outbox: SqliteOutbox,
  ) {}

  async add(favorite: FavoriteRecord, announce?: Announce<boolean>): Promise<boolean> {
    const add = this.db.transaction((): boolean => {
      const { changes } = this.db
        .prepare("INSERT OR IGNORE INTO favorites (user_id, vendor_id, created_at) VALUES (?, ?, ?)")
        .run(favorite.userId, favorite.vendorId, favorite.createdAt.getTime());
      if (changes !== 1) return false;
      this.db
        .prepare(
          `INSERT INTO vendor_favorite_counts (vendor_id, count) VALUES (?, 1)
           ON CONFLICT (vendor_id) DO UPDATE SET count = count + 1`,
        )
        .run(favorite.vendorId);
      return true;
    });
    return this.outbox.record(add, announce);
  }

  async remove(userId: string, vendorId: string, announce?: Announce<boolean>): Promise<boolean> {
    const remove = this.db.transaction((): boolean => {
      const { changes } = this.db
        .prepare("DELETE FROM favorites WHERE user_id = ? AND vendor_id = ?")
        .run(userId, vendorId);
      if (changes !== 1) return false;
      this.db
        .prepare("UPDATE vendor_favorite_counts SET count = count - 1 WHERE vendor_id = ?")
        .run(vendorId);
      return true;
    });
    return this.outbox.record(remove, announce);
  }

  async listByUser(userId: string, first: number, after?: FavoriteListKey): Promise<FavoritePage> {
    const params: Record<string, unknown> = { userId, limit: pageLimit(first) };
    let afterClause = "";
    if (after) {
      afterClause = "AND (created_at, vendor_id) < (@afterCreatedAt, @afterVendorId)";
      params.afterCreatedAt = after.createdAt.getTime();
      params.afterVendorId = after.vendorId;
    }
    const rows = this.db
      .prepare<Record<string, unknown>, FavoriteRow>(
        `SELECT user_id, vendor_id, created_at FROM favorites WHERE user_id = @userId ${afterClause}
         ORDER BY created_at DESC, vendor_id DESC LIMIT @limit`,
      )
      .all(params);
    return pageOf(rows, first, toRecord);
  }

  async countByUser(userId: string): Promise<number> {
    const row = this.db
      .prepare<[string], { n: number }>("SELECT count(*) AS n FROM favorites WHERE user_id = ?")
      .get(userId);
    return row?.n ?? 0;
  }

  async favoritedAmong(userId: string, vendorIds: readonly string[]): Promise<string[]> {
    if (vendorIds.length === 0) return [];
    return this.db
      .prepare<[string, string], { vendor_id: string }>(
        "SELECT vendor_id FROM favorites WHERE user_id = ? AND vendor_id IN (SELECT value FROM json_each(?))",
      )
      .all(userId, JSON.stringify(vendorIds))
      .map((row) => row.vendor_id);
  }

  async countsOf(vendorIds: readonly string[]): Promise<FavoriteCountRecord[]> {
    if (vendorIds.length === 0) return [];
    return this.db
      .prepare<[string], { vendor_id: string; count: number }>(
        "SELECT vendor_id, count FROM vendor_favorite_counts WHERE vendor_id IN (SELECT value FROM json_each(?))",
      )
      .all(JSON.stringify(vendorIds))
      .map((row) => ({ vendorId: row.vendor_id, count: row.count }));
  }
}
