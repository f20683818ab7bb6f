/** Whether a vendor is serving right now (until schedules exist, the vendor says so directly). */
export type VendorStatus = "OPEN" | "CLOSED";

/**
 * Where a vendor is in onboarding: DRAFT → SUBMITTED → VERIFIED or REJECTED (which can be edited and
 * submitted again). Only VERIFIED vendors are shown to customers.
 */
export type VendorVerification = "DRAFT" | "SUBMITTED" | "VERIFIED" | "REJECTED";

/** A vendor as the marketplace stores it. */
export interface VendorRecord {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  cuisines: string[];
  ownerId: string;
  status: VendorStatus;
  verification: VendorVerification;
  /** Why an admin rejected the vendor; null unless REJECTED. */
  rejectionReason: string | null;
  /** When the vendor was last submitted for review (the review queue's order); null if never. */
  submittedAt: Date | null;
  /** Bumped on every change; other subgraphs use it to ignore stale snapshots. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface VendorFilter {
  cuisines?: readonly string[] | undefined;
  status?: VendorStatus | undefined;
  ownerId?: string | undefined;
  verification?: VendorVerification | undefined;
  /**
   * Who is looking, when not everyone may see everything: then only VERIFIED vendors match, plus
   * those the given account owns (none for anonymous callers and partners).
   */
  visibleTo?: { userId: string | null } | undefined;
}

/** Position in the (createdAt, id) order that vendor lists page through. */
export interface VendorListKey {
  createdAt: Date;
  id: string;
}

/** Position in the (submittedAt, id) order of the review queue. */
export interface ReviewQueueKey {
  submittedAt: Date;
  id: string;
}
