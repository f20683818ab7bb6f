import type { ChatVendorRecord } from "./chat-vendor.record.js";

/** Where chat's projection of vendors lives. Each adapter must pass `chat-vendors.store.contract.ts`. */
export interface ChatVendorsStore {
  /** Stores the snapshot unless a newer version is already stored; true when it was stored. */
  apply(vendor: ChatVendorRecord): Promise<boolean>;
  /** These vendors in one round trip; unknown ones are absent. */
  findMany(vendorIds: readonly string[]): Promise<ChatVendorRecord[]>;
  /** The ids of every vendor this account owns. */
  ownedBy(ownerId: string): Promise<string[]>;
}
