import type { BoundingBox, GeoPoint } from "@venta/geo";

/** A vendor's reported position at one moment. */
export interface PositionReport {
  vendorId: string;
  lat: number;
  lng: number;
  accuracyMeters: number | null;
  heading: number | null;
  /** When the device took the fix; the order of reports is decided by this, not by arrival. */
  recordedAt: Date;
}

/** The vendor attributes location projects from marketplace events, to filter inside spatial queries. */
export interface VendorAttributes {
  vendorId: string;
  cuisines: string[];
  isOpen: boolean;
  /** The account that manages the vendor: it alone (and admins) may report its position. */
  ownerId: string | null;
  /** Marketplace's version of the vendor: older snapshots are ignored. */
  version: number;
  /**
   * Whether marketplace verified the vendor: only verified vendors are listed (nearby, in a box, in
   * live sweeps), though their owners may report positions before. Absent counts as verified, as
   * snapshots from before onboarding existed do.
   */
  verified?: boolean | undefined;
}

/** What location knows of a vendor to accept and announce its position reports. */
export interface VendorAccess {
  /** The account that manages the vendor (null if the snapshot did not name one). */
  ownerId: string | null;
  /** Whether the vendor is listed (verified): only listed vendors' moves go to live maps. */
  listed: boolean;
}

/** A time a vendor's schedule has it open: from `start` until just before `end`. */
export interface OpenInterval {
  start: Date;
  end: Date;
}

/**
 * A vendor's opening hours as marketplace publishes them: instants, sorted and non-overlapping, up
 * to `horizonEnd`. Updates of one vendor are ordered by `updatedAt` (the schedule's), then
 * `horizonEnd`. Past the horizon nothing is known, so a vendor with a schedule counts as closed.
 */
export interface VendorOpenHours {
  vendorId: string;
  intervals: OpenInterval[];
  horizonEnd: Date;
  updatedAt: Date;
}

export interface NearbyFilter {
  /** Vendors serving at least one of these (lower-case) cuisines. */
  cuisines?: readonly string[] | undefined;
  /**
   * Only vendors open at this instant (the request's clock): status OPEN and, for a vendor with a
   * schedule, inside one of its published open intervals, as marketplace's `Vendor.openNow`.
   */
  openAt?: Date | undefined;
  /** Only positions recorded at or after this instant. */
  recordedSince?: Date | undefined;
  /** Only vendors inside this box (a map viewport). */
  within?: BoundingBox | undefined;
}

/** Where a nearby page resumes: strictly after this (distance, vendorId) pair. */
export interface NearbyKey {
  distanceMeters: number;
  vendorId: string;
}

/** A circle and the conditions a vendor in it must meet. */
export interface NearbyArea {
  center: GeoPoint;
  radiusMeters: number;
  filter: NearbyFilter;
}

export interface NearbyQuery extends NearbyArea {
  first: number;
  after?: NearbyKey | undefined;
}

export interface NearbyHit {
  distanceMeters: number;
  position: PositionReport;
}

export interface NearbyPage {
  hits: NearbyHit[];
  hasNextPage: boolean;
}

/** Ordering of nearby results: by distance, then vendor id so equal distances page stably. */
export function compareNearby(a: NearbyKey, b: NearbyKey): number {
  return (
    a.distanceMeters - b.distanceMeters || (a.vendorId < b.vendorId ? -1 : a.vendorId > b.vendorId ? 1 : 0)
  );
}
