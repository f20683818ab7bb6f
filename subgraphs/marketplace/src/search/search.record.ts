import type { GeoPoint } from "@venta/geo";

/** Where a vendor stands in verification; absent on snapshots from before verification existed. */
export type VerificationState = "DRAFT" | "SUBMITTED" | "VERIFIED" | "REJECTED";

/** The searchable part of a vendor snapshot. `version` orders the snapshots of one vendor. */
export interface VendorEntry {
  vendorId: string;
  name: string;
  cuisines: string[];
  status: "OPEN" | "CLOSED";
  /** `undefined` keeps what the index holds (a publisher that does not send it yet); `null` clears it. */
  description?: string | null | undefined;
  /** `undefined` keeps what the index holds; a vendor whose state is known and not VERIFIED is hidden. */
  verification?: VerificationState | undefined;
  version: number;
}

export interface MenuItemEntry {
  name: string;
  description: string | null;
}

/** A vendor's whole current menu; an older `updatedAt` than the indexed one is ignored. */
export interface MenuEntry {
  vendorId: string;
  items: MenuItemEntry[];
  updatedAt: Date;
}

/** A vendor's rating; an older `updatedAt` than the indexed one is ignored. */
export interface RatingEntry {
  vendorId: string;
  average: number | null;
  count: number;
  updatedAt: Date;
}

/** A vendor's reported position; only the latest `recordedAt` is kept. */
export interface PositionEntry {
  vendorId: string;
  lat: number;
  lng: number;
  recordedAt: Date;
}

/** A time a vendor's schedule has it open: from `start` until just before `end`. */
export interface OpenInterval {
  start: Date;
  end: Date;
}

/**
 * A vendor's published opening hours as instants, up to `horizonEnd`: sorted, non-overlapping.
 * Updates of one vendor are ordered by `updatedAt` (the schedule's), then `horizonEnd`; an older
 * one is ignored. Past the horizon nothing is known, so a vendor with a schedule counts as closed.
 */
export interface OpenHoursEntry {
  vendorId: string;
  intervals: OpenInterval[];
  horizonEnd: Date;
  updatedAt: Date;
}

export type ActivityKind = "FAVORITE" | "REVIEW";

/**
 * Something a customer did for a vendor, counted by `trendingVendors`. `key` identifies the act, so
 * a redelivered event or a repeat of the same act never counts twice: a review counts from its first
 * submission, a favorite from the latest time the customer added it.
 */
export interface ActivityEntry {
  key: string;
  vendorId: string;
  kind: ActivityKind;
  at: Date;
}

/**
 * The key of a customer's favorite of a vendor: one per pair, so favoriting, unfavoriting and
 * favoriting again counts once. It is `favoriteActivityKey(userId, "")` followed by the vendor id,
 * which is how the index finds a customer's favorites when their account is erased
 * (`SearchIndex.anonymizeActivityOf`).
 */
export const favoriteActivityKey = (userId: string, vendorId: string): string =>
  `favorite:${userId}:${vendorId}`;

/**
 * What an erased customer's favorite is keyed by from then on, followed by random hex: never
 * derived from the person (a hash of their id could be recomputed by anyone holding it), and never
 * the key of a live favorite, which starts `favorite:`.
 */
export const ERASED_FAVORITE_PREFIX = "erased-favorite:";

/** What a search asks for. `terms` are folded (see search-terms.ts); the last one is a prefix. */
export interface SearchQuery {
  terms: string[];
  /** Only vendors whose latest position is within `radiusMeters` of `center`. */
  area?: { center: GeoPoint; radiusMeters: number } | undefined;
  /** Vendors serving at least one of these (lower-case) cuisines. */
  cuisines?: readonly string[] | undefined;
  /**
   * Only vendors open at this instant: status OPEN and, for a vendor with published hours, inside
   * one of its open intervals (as `Vendor.openNow` judges it).
   */
  openAt?: Date | undefined;
  /** Only vendors whose latest position was recorded at or after this time. */
  recordedSince?: Date | undefined;
  /** At most this many candidates, the best text matches first. */
  limit: number;
}

/** A vendor that matches a search, with what the ranking blend needs. */
export interface SearchCandidate {
  vendorId: string;
  /**
   * Text relevance, higher is better: `-bm25` in SQLite, text score plus prefix weight in MongoDB.
   * Only comparable within one search of one adapter; the ranking normalises it.
   */
  relevance: number;
  /** Great-circle distance from the searched point; null when the search has no point. */
  distanceMeters: number | null;
  /** When the vendor's latest position was recorded; null when it never reported one. */
  recordedAt: Date | null;
  ratingAverage: number | null;
  ratingCount: number;
}

export interface TrendingQuery {
  center: GeoPoint;
  radiusMeters: number;
  /** Activity before this time is not counted. */
  since: Date;
  /** The time ages are measured from (activity after it counts as brand new). */
  asOf: Date;
  /** Each act's weight halves every `halfLifeMs`. */
  halfLifeMs: number;
}

/** A vendor near the point with activity in the window. */
export interface TrendingCandidate {
  vendorId: string;
  distanceMeters: number;
  /** Σ 2^(−age / half-life) over the vendor's acts in the window. */
  activity: number;
  favorites: number;
  reviews: number;
}

/** The indexed text of a vendor, for highlighting what matched. */
export interface SearchDocument {
  vendorId: string;
  name: string;
  cuisines: string[];
  description: string | null;
  menu: MenuItemEntry[];
}
