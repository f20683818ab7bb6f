import type { GeoPoint } from "@venta/geo";
import type {
  NearbyArea,
  NearbyPage,
  NearbyQuery,
  PositionReport,
  VendorAccess,
  VendorAttributes,
  VendorOpenHours,
} from "./position.record.js";

export interface RecordOutcome {
  /** The vendor's current position after the report: the report itself unless it arrived late. */
  current: PositionReport;
  /** False when the report was older than the current position: kept in history only. */
  moved: boolean;
  /** Where the vendor was before a move (null for its first position); live subscribers need it. */
  previous: GeoPoint | null;
}

/** Position of a history entry in newest-first order; `id` breaks ties between equal times. */
export interface HistoryKey {
  recordedAt: Date;
  id: string;
}

export interface HistoryPage {
  entries: { key: HistoryKey; report: PositionReport }[];
  hasNextPage: boolean;
}

/** Where location keeps positions, history and its projection of vendors. Adapters pass `positions.store.contract.ts`. */
export interface PositionsStore {
  /** Applies a vendor snapshot unless a newer version is already stored; true when applied. */
  applyVendor(attributes: VendorAttributes): Promise<boolean>;
  /**
   * Replaces the vendor's open intervals unless the stored ones are as new or newer (by `updatedAt`,
   * then `horizonEnd`); from then on the vendor has a schedule. True when applied.
   */
  applyOpenHours(hours: VendorOpenHours): Promise<boolean>;
  /**
   * Forgets which snapshot each vendor's attributes came from, so that replaying marketplace's
   * snapshots applies every one of them again; until then the attributes stay as they are (a vendor
   * whose snapshots predate the event store keeps them).
   */
  forgetSnapshotVersions(): Promise<void>;
  /** Likewise for opening hours: replayed `schedule_updated` events all apply again. */
  forgetOpenHoursVersions(): Promise<void>;
  /**
   * The vendors marketplace has told us about, each with its owner's account id (null if the
   * snapshot did not name one), in one round trip; unknown vendors are absent.
   */
  vendorOwners(vendorIds: readonly string[]): Promise<Map<string, string | null>>;
  /** `vendorOwners`, with whether each vendor is listed (verified), in the same one round trip. */
  vendorAccess(vendorIds: readonly string[]): Promise<Map<string, VendorAccess>>;
  /**
   * Appends the report to history and makes it the current position unless the current one was
   * recorded later. History is written first, so a current position is always in history too.
   */
  record(report: PositionReport): Promise<RecordOutcome>;
  /** `record` for each report in order, written together where the store allows (a fleet's batch). */
  recordMany(reports: readonly PositionReport[]): Promise<RecordOutcome[]>;
  /** Current positions of the given vendors in one round trip; vendors without one are absent. */
  currentPositions(vendorIds: readonly string[]): Promise<PositionReport[]>;
  /** A vendor's reports, newest recording first, before `before` when given. */
  history(vendorId: string, first: number, before?: HistoryKey): Promise<HistoryPage>;
  /**
   * Known, verified vendors whose current position lies within the radius, nearest first by
   * great-circle distance, ties broken by vendor id; filters apply before paging so pages and counts agree.
   */
  nearby(query: NearbyQuery): Promise<NearbyPage>;
  /** How many vendors `nearby` would list over all pages; a scan of the whole circle, so only on request. */
  countNearby(area: NearbyArea): Promise<number>;
  /** Known, verified vendors whose current position was recorded in (from, to]: the ones that just went stale. */
  recordedBetween(from: Date, to: Date): Promise<PositionReport[]>;
}
