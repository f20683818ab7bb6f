import type {
  ActivityEntry,
  MenuEntry,
  OpenHoursEntry,
  PositionEntry,
  RatingEntry,
  SearchCandidate,
  SearchDocument,
  SearchQuery,
  TrendingCandidate,
  TrendingQuery,
  VendorEntry,
} from "./search.record.js";

/**
 * The vendor search index, a projection of marketplace and location events. Every write is
 * idempotent and ignores data older than what it holds, so redelivered or reordered events are
 * harmless; it returns false when it ignored the entry. A vendor is searchable once its snapshot
 * arrived, unless its verification is known and not VERIFIED. Each adapter must pass
 * `search.store.contract.ts`.
 */
export interface SearchIndex {
  /** Applies a snapshot newer than the indexed one (a snapshot of the same version is ignored). */
  applyVendor(entry: VendorEntry): Promise<boolean>;
  /** Replaces the vendor's menu unless the indexed one is newer. */
  applyMenu(entry: MenuEntry): Promise<boolean>;
  /** Replaces the vendor's rating unless the indexed one is newer. */
  applyRating(entry: RatingEntry): Promise<boolean>;
  /** Keeps the position unless the indexed one was recorded later. */
  applyPosition(entry: PositionEntry): Promise<boolean>;
  /**
   * Applies several positions, as `applyPosition` would one by one, in one write (a transaction, a
   * bulk write); returns how many vendors' positions it set.
   */
  applyPositions(entries: readonly PositionEntry[]): Promise<number>;
  /**
   * Replaces the vendor's open intervals unless the indexed ones are as new or newer (by
   * `updatedAt`, then `horizonEnd`); from then on the vendor has a schedule.
   */
  applyOpenHours(entry: OpenHoursEntry): Promise<boolean>;
  /**
   * Counts an act once per `key`: a FAVORITE moves to the latest `at` seen, a REVIEW keeps the
   * earliest. Acts older than `retainSince` are forgotten on the way.
   */
  recordActivity(entry: ActivityEntry, retainSince: Date): Promise<boolean>;
  /**
   * Detaches a person's acts from them, for the erasure of their account: each favorite keyed by
   * `favoriteActivityKey(userId, …)` moves to a key of `ERASED_FAVORITE_PREFIX` and random hex,
   * keeping its vendor, kind and time, so it goes on counting exactly as before and nothing links it
   * to the person. Reviews are keyed by review and name nobody. Idempotent; returns how many acts it
   * detached.
   */
  anonymizeActivityOf(userId: string): Promise<number>;
  /**
   * The searchable vendors matching every term (the last one by prefix) in name, cuisines, menu or
   * description, and the query's filters: at most `query.limit`, best text relevance first, then by
   * vendor id. With an area, only vendors whose latest position is inside the circle.
   */
  search(query: SearchQuery): Promise<SearchCandidate[]>;
  /** Searchable vendors inside the circle with at least one act since `query.since`, in no order. */
  trending(query: TrendingQuery): Promise<TrendingCandidate[]>;
  /** The indexed text of these vendors; one round trip, unknown ids absent. */
  documents(vendorIds: readonly string[]): Promise<SearchDocument[]>;
  /** Forgets everything indexed, in one atomic write where the store allows: before a replay rebuilds it. */
  clear(): Promise<void>;
}
