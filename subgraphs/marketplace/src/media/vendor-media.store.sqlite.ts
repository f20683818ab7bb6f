import type Database from "better-sqlite3";
import type { VendorMediaKind, VendorMediaRecord } from "./vendor-media.record.js";
import type { VendorMediaStore } from "./vendor-media.store.js";

interface VendorMediaRow {
  id: string;
  vendor_id: string;
  kind: VendorMediaKind;
  file_name: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  url: string;
  uploaded_by: string;
  created_at: number;
}

const COLUMNS =
  "id, vendor_id, kind, file_name, content_type, size_bytes, storage_key, url, uploaded_by, created_at";

const toRecord = (row: VendorMediaRow): VendorMediaRecord => ({
  id: row.id,
  vendorId: row.vendor_id,
  kind: row.kind,
  fileName: row.file_name,
  contentType: row.content_type,
  sizeBytes: row.size_bytes,
  storageKey: row.storage_key,
  url: row.url,
  uploadedBy: row.uploaded_by,
  createdAt: new Date(row.created_at),
});

/** Vendor media records in the embedded SQLite database (tables: migrations/). Times are stored as epoch milliseconds. */
export class SqliteVendorMediaStore implements VendorMediaStore {
  constructor(private readonly db: Database.Database) {}

  async insert(record: VendorMediaRecord, limit: number): Promise<boolean> {
    // One transaction: SQLite has a single writer, so the count still holds when the row goes in.
    return this.db
      .transaction(() => {
        const held = this.db
          .prepare<[string, string], { n: number }>(
            "SELECT count(*) AS n FROM vendor_media WHERE vendor_id = ? AND kind = ?",
          )
          .get(record.vendorId, record.kind);
        if ((held?.n ?? 0) >= limit) return false;
        this.db
          .prepare(`INSERT INTO vendor_media (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(
            record.id,
            record.vendorId,
            record.kind,
            record.fileName,
            record.contentType,
            record.sizeBytes,
            record.storageKey,
            record.url,
            record.uploadedBy,
            record.createdAt.getTime(),
          );
        return true;
      })
      .immediate();
  }

  async findById(id: string): Promise<VendorMediaRecord | null> {
    const row = this.db
      .prepare<[string], VendorMediaRow>(`SELECT ${COLUMNS} FROM vendor_media WHERE id = ?`)
      .get(id);
    return row ? toRecord(row) : null;
  }

  async findByStorageKey(storageKey: string): Promise<VendorMediaRecord | null> {
    const row = this.db
      .prepare<[string], VendorMediaRow>(`SELECT ${COLUMNS} FROM vendor_media WHERE storage_key = ?`)
      .get(storageKey);
    return row ? toRecord(row) : null;
  }

  async delete(id: string): Promise<VendorMediaRecord | null> {
    const row = this.db
      .prepare<[string], VendorMediaRow>(`DELETE FROM vendor_media WHERE id = ? RETURNING ${COLUMNS}`)
      .get(id);
    return row ? toRecord(row) : null;
  }

  async listByVendors(vendorIds: readonly string[]): Promise<VendorMediaRecord[]> {
    if (vendorIds.length === 0) return [];
    return this.db
      .prepare<[string], VendorMediaRow>(
        `SELECT ${COLUMNS} FROM vendor_media WHERE vendor_id IN (SELECT value FROM json_each(?))
         ORDER BY vendor_id, created_at, id`,
      )
      .all(JSON.stringify(vendorIds))
      .map(toRecord);
  }
}
