import type Database from "better-sqlite3";
import type { AlertClaim, FavoriteFact, VendorFact } from "./vendor-alert.record.js";
import type { VendorAlertsStore } from "./vendor-alerts.store.js";

/**
 * Alert projections and claims in the embedded SQLite database. A claim is one upsert whose
 * update only happens when the last alert is old enough (or was this event's): SQLite runs it
 * atomically, so racing claims cannot both win.
 */
export class SqliteVendorAlertsStore implements VendorAlertsStore {
  constructor(private readonly db: Database.Database) {}

  async applyFavorite(fact: FavoriteFact): Promise<boolean> {
    const { changes } = this.db
      .prepare(
        `INSERT INTO alert_favorites (user_id, vendor_id, favorited, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id, vendor_id) DO UPDATE SET favorited = excluded.favorited, at = excluded.at
         WHERE excluded.at >= alert_favorites.at`,
      )
      .run(fact.userId, fact.vendorId, fact.favorited ? 1 : 0, fact.at.getTime());
    return changes === 1;
  }

  async isFavorite(userId: string, vendorId: string): Promise<boolean> {
    const row = this.db
      .prepare<[string, string], { favorited: number }>(
        "SELECT favorited FROM alert_favorites WHERE user_id = ? AND vendor_id = ?",
      )
      .get(userId, vendorId);
    return row?.favorited === 1;
  }

  async applyVendor(fact: VendorFact): Promise<boolean> {
    const { changes } = this.db
      .prepare(
        `INSERT INTO alert_vendors (vendor_id, name, listed, version) VALUES (?, ?, ?, ?)
         ON CONFLICT (vendor_id) DO UPDATE SET name = excluded.name, listed = excluded.listed,
           version = excluded.version
         WHERE excluded.version > alert_vendors.version`,
      )
      .run(fact.vendorId, fact.name, fact.listed ? 1 : 0, fact.version);
    return changes === 1;
  }

  async vendor(vendorId: string): Promise<VendorFact | null> {
    const row = this.db
      .prepare<[string], { vendor_id: string; name: string; listed: number; version: number }>(
        "SELECT * FROM alert_vendors WHERE vendor_id = ?",
      )
      .get(vendorId);
    return row
      ? { vendorId: row.vendor_id, name: row.name, listed: row.listed === 1, version: row.version }
      : null;
  }

  async claimAlert(claim: AlertClaim): Promise<boolean> {
    const { changes } = this.db
      .prepare(
        `INSERT INTO vendor_alerts_sent (user_id, vendor_id, event_id, at) VALUES (@userId, @vendorId, @eventId, @at)
         ON CONFLICT (user_id, vendor_id) DO UPDATE SET
           at = CASE WHEN vendor_alerts_sent.event_id = excluded.event_id THEN vendor_alerts_sent.at ELSE excluded.at END,
           event_id = excluded.event_id
         WHERE vendor_alerts_sent.at <= @notBefore OR vendor_alerts_sent.event_id = excluded.event_id`,
      )
      .run({
        userId: claim.userId,
        vendorId: claim.vendorId,
        eventId: claim.eventId,
        at: claim.at.getTime(),
        notBefore: claim.notBefore.getTime(),
      });
    return changes === 1;
  }

  async eraseUser(userId: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM alert_favorites WHERE user_id = ?").run(userId);
      this.db.prepare("DELETE FROM vendor_alerts_sent WHERE user_id = ?").run(userId);
    })();
  }
}
