import type { VendorPositionRecord } from "./vendor-position.record.js";

/** Where check-ins look up a vendor's latest position. */
export interface VendorPositionLookup {
  latest(vendorId: string): Promise<VendorPositionRecord | null>;
}

/**
 * The marketplace's projection of each vendor's latest position (location owns positions). Each
 * adapter must pass `vendor-positions.store.contract.ts`.
 */
export interface VendorPositionsStore extends VendorPositionLookup {
  /** Keeps the stored position if it was recorded at or after this one; true when it wrote. */
  apply(position: VendorPositionRecord): Promise<boolean>;
  /**
   * Applies several reports, as `apply` would one by one, in one write (a transaction, a bulk
   * write); returns how many vendors' positions it changed.
   */
  applyAll(positions: readonly VendorPositionRecord[]): Promise<number>;
  /** Forgets every position: before a replay rebuilds the projection. */
  clear(): Promise<void>;
}
