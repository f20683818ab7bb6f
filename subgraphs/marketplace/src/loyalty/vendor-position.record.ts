/** A vendor's latest reported position, projected from location's events. */
export interface VendorPositionRecord {
  vendorId: string;
  lat: number;
  lng: number;
  /** When the vendor's device took the fix: it orders reports, not their arrival. */
  recordedAt: Date;
}
