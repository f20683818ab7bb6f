/** Whether a vendor is serving right now (until schedules exist, the vendor says so directly). */
export type VendorStatus = "OPEN" | "CLOSED";

/** A vendor as the marketplace stores it. */
export interface VendorRecord {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  cuisines: string[];
  ownerId: string;
  status: VendorStatus;
  /** Bumped on every change; other subgraphs use it to ignore stale snapshots. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface VendorFilter {
  cuisines?: readonly string[] | undefined;
  status?: VendorStatus | undefined;
  ownerId?: string | undefined;
}

/** Position in the (createdAt, id) order that vendor lists page through. */
export interface VendorListKey {
  createdAt: Date;
  id: string;
}
