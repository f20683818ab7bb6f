import type Database from "better-sqlite3";
import type { VendorPositionRecord } from "./vendor-position.record.js";
import type { VendorPositionsStore } from "./vendor-positions.store.js";

interface PositionRow {
  vendor_id: string;
  lat: number;
  lng: number;
  recorded_at: number;
}

/** The latest position per vendor in the embedded SQLite database. */
export class SqliteVendorPositionsStore implements VendorPositionsStore {
  constructor(private readonly db: Database.Database) {}

  async apply(position: VendorPositionRecord): Promise<boolean> {
    // One statement: an older or equal report (a redelivery, or one overtaken in transit) changes nothing.
    const { changes } = this.db
      .prepare(
        `INSERT INTO vendor_positions (vendor_id, lat, lng, recorded_at) VALUES (@vendorId, @lat, @lng, @recordedAt)
         ON CONFLICT (vendor_id) DO UPDATE SET lat = excluded.lat, lng = excluded.lng, recorded_at = excluded.recorded_at
         WHERE excluded.recorded_at > vendor_positions.recorded_at`,
      )
      .run({ ...position, recordedAt: position.recordedAt.getTime() });
    return changes === 1;
  }

  async clear(): Promise<void> {
    this.db.prepare("DELETE FROM vendor_positions").run();
  }

  async latest(vendorId: string): Promise<VendorPositionRecord | null> {
    const row = this.db
      .prepare<[string], PositionRow>(
        "SELECT vendor_id, lat, lng, recorded_at FROM vendor_positions WHERE vendor_id = ?",
      )
      .get(vendorId);
    return row
      ? { vendorId: row.vendor_id, lat: row.lat, lng: row.lng, recordedAt: new Date(row.recorded_at) }
      : null;
  }
}
