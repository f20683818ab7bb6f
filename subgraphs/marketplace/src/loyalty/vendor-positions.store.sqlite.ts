import type Database from "better-sqlite3";
import { latestPerVendor } from "./latest-positions.js";
import type { VendorPositionRecord } from "./vendor-position.record.js";
import type { VendorPositionsStore } from "./vendor-positions.store.js";

interface PositionRow {
  vendor_id: string;
  lat: number;
  lng: number;
  recorded_at: number;
}

const rowOf = (position: VendorPositionRecord): PositionRow => ({
  vendor_id: position.vendorId,
  lat: position.lat,
  lng: position.lng,
  recorded_at: position.recordedAt.getTime(),
});

/** The latest position per vendor in the embedded SQLite database. */
export class SqliteVendorPositionsStore implements VendorPositionsStore {
  private readonly upsert: Database.Statement<PositionRow>;

  constructor(private readonly db: Database.Database) {
    // One statement: an older or equal report (a redelivery, or one overtaken in transit) changes nothing.
    this.upsert = db.prepare(
      `INSERT INTO vendor_positions (vendor_id, lat, lng, recorded_at) VALUES (@vendor_id, @lat, @lng, @recorded_at)
       ON CONFLICT (vendor_id) DO UPDATE SET lat = excluded.lat, lng = excluded.lng, recorded_at = excluded.recorded_at
       WHERE excluded.recorded_at > vendor_positions.recorded_at`,
    );
  }

  async apply(position: VendorPositionRecord): Promise<boolean> {
    return this.upsert.run(rowOf(position)).changes === 1;
  }

  async applyAll(positions: readonly VendorPositionRecord[]): Promise<number> {
    const latest = latestPerVendor(positions);
    return this.db.transaction(() => {
      let changed = 0;
      for (const position of latest) changed += this.upsert.run(rowOf(position)).changes;
      return changed;
    })();
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
