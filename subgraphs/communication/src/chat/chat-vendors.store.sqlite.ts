import type Database from "better-sqlite3";
import type { ChatVendorRecord } from "./chat-vendor.record.js";
import type { ChatVendorsStore } from "./chat-vendors.store.js";

interface ChatVendorRow {
  vendor_id: string;
  name: string;
  owner_id: string | null;
  listed: number;
  version: number;
}

const toRecord = (row: ChatVendorRow): ChatVendorRecord => ({
  vendorId: row.vendor_id,
  name: row.name,
  ownerId: row.owner_id,
  listed: row.listed === 1,
  version: row.version,
});

/** Chat's vendor projection in the embedded SQLite database. */
export class SqliteChatVendorsStore implements ChatVendorsStore {
  constructor(private readonly db: Database.Database) {}

  async apply(vendor: ChatVendorRecord): Promise<boolean> {
    const { changes } = this.db
      .prepare(
        `INSERT INTO chat_vendors (vendor_id, name, owner_id, listed, version) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (vendor_id) DO UPDATE SET
           name = excluded.name, owner_id = excluded.owner_id, listed = excluded.listed, version = excluded.version
         WHERE excluded.version > chat_vendors.version`,
      )
      .run(vendor.vendorId, vendor.name, vendor.ownerId, vendor.listed ? 1 : 0, vendor.version);
    return changes === 1;
  }

  async findMany(vendorIds: readonly string[]): Promise<ChatVendorRecord[]> {
    if (vendorIds.length === 0) return [];
    return this.db
      .prepare<[string], ChatVendorRow>(
        "SELECT * FROM chat_vendors WHERE vendor_id IN (SELECT value FROM json_each(?))",
      )
      .all(JSON.stringify(vendorIds))
      .map(toRecord);
  }

  async ownedBy(ownerId: string): Promise<string[]> {
    return this.db
      .prepare<[string], { vendor_id: string }>(
        "SELECT vendor_id FROM chat_vendors WHERE owner_id = ? ORDER BY vendor_id",
      )
      .all(ownerId)
      .map((row) => row.vendor_id);
  }
}
