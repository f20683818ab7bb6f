import type { VendorMediaRecord } from "./vendor-media.record.js";

/** Where vendor media records live. Each adapter must pass `vendor-media.store.contract.ts`. */
export interface VendorMediaStore {
  /**
   * Adds the record unless its vendor already holds `limit` files of its kind; false, keeping
   * nothing, then. Concurrent uploads never leave a vendor above the limit.
   */
  insert(record: VendorMediaRecord, limit: number): Promise<boolean>;
  findById(id: string): Promise<VendorMediaRecord | null>;
  /** The record whose bytes are under this storage key: `/media/*` asks before serving anything. */
  findByStorageKey(storageKey: string): Promise<VendorMediaRecord | null>;
  /** Removes the record and returns it; null when there was none (already deleted, or never was). */
  delete(id: string): Promise<VendorMediaRecord | null>;
  /** Every file of these vendors, each vendor's oldest first ((createdAt, id) order), in one round trip. */
  listByVendors(vendorIds: readonly string[]): Promise<VendorMediaRecord[]>;
}
