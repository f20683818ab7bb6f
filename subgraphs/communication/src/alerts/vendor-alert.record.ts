/** Whether a person has a vendor among their favorites, as of marketplace's latest word at `at`. */
export interface FavoriteFact {
  userId: string;
  vendorId: string;
  favorited: boolean;
  at: Date;
}

/** What alerts need to know of a vendor, as of marketplace's snapshot `version`. */
export interface VendorFact {
  vendorId: string;
  name: string;
  /** Verified and shown to customers: only those are announced. */
  listed: boolean;
  version: number;
}

/**
 * A claim on telling a person about a vendor now. It succeeds when nobody told them about that
 * vendor since `notBefore`, or when the same event claimed it before (a redelivery finishing its
 * work).
 */
export interface AlertClaim {
  userId: string;
  vendorId: string;
  eventId: string;
  at: Date;
  notBefore: Date;
}
