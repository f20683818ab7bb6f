import type { AlertClaim, FavoriteFact, VendorFact } from "./vendor-alert.record.js";

/**
 * Alerts' projections of marketplace (favorites, vendor names) and its record of who was told
 * about which vendor when. Each adapter must pass `vendor-alerts.store.contract.ts`.
 */
export interface VendorAlertsStore {
  /** Applies the fact unless a later one (by `at`) is already known; true when applied. */
  applyFavorite(fact: FavoriteFact): Promise<boolean>;
  isFavorite(userId: string, vendorId: string): Promise<boolean>;
  /** Applies the snapshot unless a later version is already known; true when applied. */
  applyVendor(fact: VendorFact): Promise<boolean>;
  vendor(vendorId: string): Promise<VendorFact | null>;
  /**
   * Claims the alert in one conditional write: of any number of concurrent claims for a person and
   * vendor, at most one per period succeeds.
   */
  claimAlert(claim: AlertClaim): Promise<boolean>;
  /** Removes the person's favorites and alert history. */
  eraseUser(userId: string): Promise<void>;
}
