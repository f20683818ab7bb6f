import { randomUUID } from "node:crypto";
import {
  type BoundingBox,
  boxesAround,
  EARTH_RADIUS_METERS,
  type GeoPoint,
  greatCircleMeters,
} from "@venta/geo";
import { pageLimit, pageOf } from "@venta/store";
import type Database from "better-sqlite3";
import { type CountPlan, countPlan } from "./count-plan.js";
import {
  compareNearby,
  type NearbyArea,
  type NearbyFilter,
  type NearbyHit,
  type NearbyPage,
  type NearbyQuery,
  type PositionReport,
  type VendorAccess,
  type VendorAttributes,
  type VendorOpenHours,
} from "./position.record.js";
import { type GridCell, gridCellOf, gridLine } from "./position-grid.js";
import type { HistoryKey, HistoryPage, PositionsStore, RecordOutcome } from "./positions.store.js";

interface PositionRow {
  vendor_id: string;
  lat: number;
  lng: number;
  accuracy: number | null;
  heading: number | null;
  recorded_at: number;
}

const toReport = (row: PositionRow): PositionReport => ({
  vendorId: row.vendor_id,
  lat: row.lat,
  lng: row.lng,
  accuracyMeters: row.accuracy,
  heading: row.heading,
  recordedAt: new Date(row.recorded_at),
});

/** First ring searched for the nearest vendors; it doubles until the page is provably complete. */
const FIRST_RING_METERS = 200;

/** An upper bound on the meters in one degree along any direction (a degree of latitude, or of longitude at the equator). */
const METERS_PER_DEGREE = (EARTH_RADIUS_METERS * Math.PI) / 180;

/** An index entry: the vendor's rowid and bounds on its distance from the searched point. */
interface IndexedCandidate {
  id: number;
  lower: number;
  upper: number;
  /** False when the float32 box straddles the `within` filter's edge: only the exact row can tell. */
  surelyWithin: boolean;
}

type IndexRow = [id: number, minLat: number, maxLat: number, minLng: number, maxLng: number];

const byDistanceThenVendor = (a: NearbyHit, b: NearbyHit) =>
  compareNearby(
    { distanceMeters: a.distanceMeters, vendorId: a.position.vendorId },
    { distanceMeters: b.distanceMeters, vendorId: b.position.vendorId },
  );

/** An index entry with bounds on its distance from the searched point. */
function candidateOf(area: NearbyArea, [id, minLat, maxLat, minLng, maxLng]: IndexRow): IndexedCandidate {
  const middle = { lat: (minLat + maxLat) / 2, lng: (minLng + maxLng) / 2 };
  const distance = greatCircleMeters(area.center, middle);
  const slack = Math.hypot(maxLat - minLat, maxLng - minLng) * METERS_PER_DEGREE + distance * 1e-9 + 1e-6;
  const within = area.filter.within;
  const surelyWithin =
    !within ||
    (minLat >= within.south && maxLat <= within.north && minLng >= within.west && maxLng <= within.east);
  return { id, lower: distance - slack, upper: distance + slack, surelyWithin };
}

/** Whether a search has no condition but its circle (the count can then skip reading most entries). */
function isUnfiltered(filter: NearbyFilter): boolean {
  return (
    (filter.cuisines === undefined || filter.cuisines.length === 0) &&
    filter.openAt === undefined &&
    filter.recordedSince === undefined &&
    filter.within === undefined
  );
}

/** The k-th smallest value (1-based) of a non-empty list of at least k values. */
function kthSmallest(values: number[], k: number): number {
  return values.sort((a, b) => a - b)[k - 1] as number;
}

/**
 * Open at `@openAt`: the status says OPEN (an auxiliary column) and, for a vendor with a schedule,
 * one of its published intervals holds the instant. Intervals of a vendor never overlap, so only the
 * last one starting by then can: one primary-key seek, and one rowid look-up for `has_schedule`.
 */
const OPEN_AT = `p.is_open = 1 AND ((SELECT v.has_schedule FROM vendors v WHERE v.id = p.id) = 0 OR (
  SELECT i.end FROM vendor_open_intervals i WHERE i.vendor = p.id AND i.start <= @openAt
  ORDER BY i.start DESC LIMIT 1) > @openAt)`;

/**
 * Positions in SQLite. `vendors` holds each vendor's projection and current position; the R*Tree
 * `position_index` holds known, verified vendors that have a position (the ones that are listed),
 * with the columns nearby queries filter on as auxiliary columns so the common query never touches
 * another table. `vendor_open_intervals` holds each scheduled vendor's published open intervals
 * (epoch ms, end exclusive), keyed by the vendor's rowid.
 */
export class SqlitePositionsStore implements PositionsStore {
  private readonly statements;

  /** Over a database the positions migrations have run on. */
  constructor(private readonly db: Database.Database) {
    this.statements = {
      vendor: db.prepare<
        [string],
        {
          id: number;
          version: number | null;
          is_open: number;
          verified: number;
          recorded_at: number | null;
          lat: number | null;
          lng: number | null;
        }
      >("SELECT id, version, is_open, verified, recorded_at, lat, lng FROM vendors WHERE vendor_id = ?"),
      insertVendor: db.prepare<[string], { id: number }>(
        "INSERT INTO vendors (vendor_id) VALUES (?) RETURNING id",
      ),
      setAttributes: db.prepare(
        "UPDATE vendors SET version = ?, is_open = ?, owner_id = ?, verified = ? WHERE id = ?",
      ),
      scheduleState: db.prepare<
        [string],
        { id: number; schedule_updated_at: number | null; schedule_horizon_end: number | null }
      >("SELECT id, schedule_updated_at, schedule_horizon_end FROM vendors WHERE vendor_id = ?"),
      setSchedule: db.prepare(
        "UPDATE vendors SET has_schedule = 1, schedule_updated_at = ?, schedule_horizon_end = ? WHERE id = ?",
      ),
      clearIntervals: db.prepare("DELETE FROM vendor_open_intervals WHERE vendor = ?"),
      addInterval: db.prepare(
        "INSERT OR REPLACE INTO vendor_open_intervals (vendor, start, end) VALUES (?, ?, ?)",
      ),
      clearCuisines: db.prepare("DELETE FROM vendor_cuisines WHERE vendor = ?"),
      addCuisine: db.prepare("INSERT OR IGNORE INTO vendor_cuisines (vendor, cuisine) VALUES (?, ?)"),
      setPosition: db.prepare(
        "UPDATE vendors SET lat = ?, lng = ?, accuracy = ?, heading = ?, recorded_at = ? WHERE id = ?",
      ),
      current: db.prepare<[number], PositionRow>(
        "SELECT vendor_id, lat, lng, accuracy, heading, recorded_at FROM vendors WHERE id = ?",
      ),
      index: db.prepare(
        "INSERT OR REPLACE INTO position_index (id, min_lat, max_lat, min_lng, max_lng, lat, lng, recorded_at, is_open) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      unindex: db.prepare("DELETE FROM position_index WHERE id = ?"),
      indexCorner: db
        .prepare<[number], [number, number]>("SELECT min_lat, min_lng FROM position_index WHERE id = ?")
        .raw(true),
      addToGrid: db.prepare<[number, number, number]>(
        `INSERT INTO position_grid (row, col, vendors) VALUES (?, ?, ?)
         ON CONFLICT (row, col) DO UPDATE SET vendors = vendors + excluded.vendors`,
      ),
      // One seek per run of cells, driven by the runs' JSON array ([row, fromCol, toCol] each).
      gridVendors: db
        .prepare<[string], number>(
          `SELECT coalesce(sum(g.vendors), 0) FROM json_each(?) r
           JOIN position_grid g ON g.row = r.value ->> 0 AND g.col >= r.value ->> 1 AND g.col < r.value ->> 2`,
        )
        .pluck(),
      appendHistory: db.prepare(
        "INSERT INTO vendor_position_history (id, vendor_id, lat, lng, accuracy, heading, recorded_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      recordedBetween: db.prepare<[number, number], PositionRow>(
        "SELECT vendor_id, lat, lng, accuracy, heading, recorded_at FROM vendors WHERE recorded_at > ? AND recorded_at <= ? AND version IS NOT NULL AND verified = 1",
      ),
      byRowIds: db.prepare<[string], PositionRow>(
        "SELECT vendor_id, lat, lng, accuracy, heading, recorded_at FROM vendors WHERE id IN (SELECT value FROM json_each(?))",
      ),
      known: db.prepare<[string], { vendor_id: string; owner_id: string | null; verified: number }>(
        "SELECT vendor_id, owner_id, verified FROM vendors WHERE vendor_id IN (SELECT value FROM json_each(?)) AND version IS NOT NULL",
      ),
      listedInBox: db.prepare<
        { south: number; west: number; north: number; east: number; since: number },
        PositionRow
      >(
        `SELECT v.vendor_id, v.lat, v.lng, v.accuracy, v.heading, v.recorded_at
         FROM position_index p JOIN vendors v ON v.id = p.id
         WHERE p.min_lat <= @north AND p.max_lat >= @south AND p.min_lng <= @east AND p.max_lng >= @west
           AND p.recorded_at >= @since`,
      ),
      // Entries by the box their lower corner lies in (see count-plan.ts), for every box of a JSON
      // array of [south, north, west, east] in one statement: CROSS JOIN keeps the boxes outside, so
      // the R*Tree is searched once per box from its nodes (coordinates alone) rather than scanned.
      cornered: db
        .prepare<[string], unknown[]>(
          `SELECT p.id, p.min_lat, p.max_lat, p.min_lng, p.max_lng FROM json_each(?) b CROSS JOIN position_index p
           ON p.min_lat >= b.value ->> 0 AND p.min_lat < b.value ->> 1 AND p.min_lng >= b.value ->> 2 AND p.min_lng < b.value ->> 3`,
        )
        .raw(true),
      positionOf: db.prepare<[string], PositionRow>(
        "SELECT vendor_id, lat, lng, accuracy, heading, recorded_at FROM vendors WHERE vendor_id = ? AND recorded_at IS NOT NULL",
      ),
      currentMany: db.prepare<[string], PositionRow>(
        "SELECT vendor_id, lat, lng, accuracy, heading, recorded_at FROM vendors WHERE vendor_id IN (SELECT value FROM json_each(?)) AND recorded_at IS NOT NULL",
      ),
    };
  }

  async applyVendor(attributes: VendorAttributes): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.statements.vendor.get(attributes.vendorId);
      if (row?.version != null && row.version >= attributes.version) return false;
      const id = row?.id ?? (this.statements.insertVendor.get(attributes.vendorId) as { id: number }).id;
      const isOpen = attributes.isOpen ? 1 : 0;
      const verified = attributes.verified === false ? 0 : 1;
      this.statements.setAttributes.run(attributes.version, isOpen, attributes.ownerId, verified, id);
      this.statements.clearCuisines.run(id);
      for (const cuisine of attributes.cuisines) this.statements.addCuisine.run(id, cuisine.toLowerCase());
      // The index holds exactly the listed vendors with a position: a vendor heard of for the first
      // time, or just verified, becomes findable at the position it already reported; one that is
      // not verified leaves the index. Snapshots are rare, so re-indexing each time costs little.
      if (!verified) {
        this.unindexPosition(id);
      } else if (row?.recorded_at != null) {
        const current = this.statements.current.get(id) as PositionRow;
        this.indexPosition(id, current.lat, current.lng, current.recorded_at, isOpen);
      }
      return true;
    })();
  }

  async applyOpenHours(hours: VendorOpenHours): Promise<boolean> {
    const updatedAt = hours.updatedAt.getTime();
    const horizonEnd = hours.horizonEnd.getTime();
    return this.db.transaction(() => {
      const row = this.statements.scheduleState.get(hours.vendorId);
      if (
        row?.schedule_updated_at != null &&
        (row.schedule_updated_at > updatedAt ||
          (row.schedule_updated_at === updatedAt && (row.schedule_horizon_end ?? 0) >= horizonEnd))
      )
        return false;
      // Hours may come before marketplace's snapshot: the vendor is kept, unlisted, until it arrives.
      const id = row?.id ?? (this.statements.insertVendor.get(hours.vendorId) as { id: number }).id;
      this.statements.setSchedule.run(updatedAt, horizonEnd, id);
      this.statements.clearIntervals.run(id);
      for (const interval of hours.intervals)
        this.statements.addInterval.run(id, interval.start.getTime(), interval.end.getTime());
      return true;
    })();
  }

  async forgetSnapshotVersions(): Promise<void> {
    // 0 is older than any snapshot, and still "known": the vendor stays listed meanwhile.
    this.db.prepare("UPDATE vendors SET version = 0 WHERE version IS NOT NULL").run();
  }

  async forgetOpenHoursVersions(): Promise<void> {
    this.db.prepare("UPDATE vendors SET schedule_updated_at = 0 WHERE schedule_updated_at IS NOT NULL").run();
  }

  async vendorOwners(vendorIds: readonly string[]): Promise<Map<string, string | null>> {
    const rows = this.statements.known.all(JSON.stringify(vendorIds));
    return new Map(rows.map((row) => [row.vendor_id, row.owner_id]));
  }

  async vendorAccess(vendorIds: readonly string[]): Promise<Map<string, VendorAccess>> {
    const rows = this.statements.known.all(JSON.stringify(vendorIds));
    return new Map(rows.map((row) => [row.vendor_id, { ownerId: row.owner_id, listed: row.verified === 1 }]));
  }

  async record(report: PositionReport): Promise<RecordOutcome> {
    return this.db.transaction(() => this.recordOne(report))();
  }

  async recordMany(reports: readonly PositionReport[]): Promise<RecordOutcome[]> {
    return this.db.transaction(() => this.write(reports))();
  }

  /**
   * `recordMany` inside a transaction the caller runs on this store's database (a position report's
   * unit of work), so the positions commit or roll back with what is written beside them.
   */
  write(reports: readonly PositionReport[]): RecordOutcome[] {
    return reports.map((report) => this.recordOne(report));
  }

  /**
   * Listed vendors whose current position is in the box and was recorded at or after `since` (epoch
   * ms): found through the position index, for callers that test a shape of their own on them.
   */
  listedInBox(box: BoundingBox, since: number): PositionReport[] {
    return this.statements.listedInBox.all({ ...box, since }).map(toReport);
  }

  /** The vendor's current position, listed or not; null before its first report. */
  positionOf(vendorId: string): PositionReport | null {
    const row = this.statements.positionOf.get(vendorId);
    return row ? toReport(row) : null;
  }

  private recordOne(report: PositionReport): RecordOutcome {
    const recordedAt = report.recordedAt.getTime();
    this.statements.appendHistory.run(
      randomUUID(),
      report.vendorId,
      report.lat,
      report.lng,
      report.accuracyMeters,
      report.heading,
      recordedAt,
      Date.now(),
    );
    const row = this.statements.vendor.get(report.vendorId);
    const id = row?.id ?? (this.statements.insertVendor.get(report.vendorId) as { id: number }).id;
    if (row?.recorded_at != null && row.recorded_at > recordedAt) {
      return {
        current: toReport(this.statements.current.get(id) as PositionRow),
        moved: false,
        previous: null,
      };
    }
    this.statements.setPosition.run(
      report.lat,
      report.lng,
      report.accuracyMeters,
      report.heading,
      recordedAt,
      id,
    );
    const previous = row?.lat != null && row.lng != null ? { lat: row.lat, lng: row.lng } : null;
    // A listed vendor's index entry is at its previous position (or absent before its first).
    if (row?.version != null && row.verified === 1)
      this.indexPosition(id, report.lat, report.lng, recordedAt, row.is_open, previous);
    return { current: report, moved: true, previous };
  }

  async recordedBetween(from: Date, to: Date): Promise<PositionReport[]> {
    return this.statements.recordedBetween.all(from.getTime(), to.getTime()).map(toReport);
  }

  async currentPositions(vendorIds: readonly string[]): Promise<PositionReport[]> {
    if (vendorIds.length === 0) return [];
    return this.statements.currentMany.all(JSON.stringify(vendorIds)).map(toReport);
  }

  async history(vendorId: string, first: number, before?: HistoryKey): Promise<HistoryPage> {
    const rows = this.db
      .prepare<unknown[], PositionRow & { id: string }>(
        `SELECT id, vendor_id, lat, lng, accuracy, heading, recorded_at FROM vendor_position_history
         WHERE vendor_id = ? ${before ? "AND (recorded_at < ? OR (recorded_at = ? AND id < ?))" : ""}
         ORDER BY recorded_at DESC, id DESC LIMIT ?`,
      )
      .all(
        ...(before
          ? [vendorId, before.recordedAt.getTime(), before.recordedAt.getTime(), before.id, pageLimit(first)]
          : [vendorId, pageLimit(first)]),
      );
    const { records, hasNextPage } = pageOf(rows, first, (row) => ({
      key: { recordedAt: new Date(row.recorded_at), id: row.id },
      report: toReport(row),
    }));
    return { entries: records, hasNextPage };
  }

  async nearby(query: NearbyQuery): Promise<NearbyPage> {
    const { radiusMeters, first, after } = query;
    const want = first + 1;
    // Ring expansion: the boxes around a ring of radius r hold every vendor within r, so once r holds
    // `first + 1` vendors past the cursor, no vendor outside it can belong on this page.
    let ring = Math.min(radiusMeters, Math.max(FIRST_RING_METERS, (after?.distanceMeters ?? 0) * 1.25));
    for (;;) {
      const candidates = this.indexedWithin(query, ring).filter(
        (c) => !after || c.upper >= after.distanceMeters,
      );
      const settled = candidates.filter(
        (c) => c.surelyWithin && c.upper <= ring && (!after || c.lower > after.distanceMeters),
      );
      if (settled.length < want && ring < radiusMeters) {
        ring = Math.min(radiusMeters, ring * 2);
        continue;
      }
      // Only the index's float32 boxes were read so far. The page can only hold vendors whose lower
      // bound is within the `want`-th smallest upper bound among those surely on it: read just those.
      const uppers = settled.map((c) => c.upper);
      const bound = settled.length >= want ? kthSmallest(uppers, want) : ring;
      const hits = this.exactHits(
        query,
        candidates.filter((c) => c.lower <= bound),
      ).filter((hit) => hit.distanceMeters <= radiusMeters);
      hits.sort(byDistanceThenVendor);
      return { hits: hits.slice(0, first), hasNextPage: hits.length > first };
    }
  }

  async countNearby(area: NearbyArea): Promise<number> {
    const plan = isUnfiltered(area.filter)
      ? countPlan(area.center, area.radiusMeters, boxesAround(area.center, area.radiusMeters))
      : null;
    return plan
      ? this.countByPlan(area, plan)
      : this.countCandidates(area, this.indexedWithin(area, area.radiusMeters));
  }

  /**
   * The unfiltered count, without reading most entries: the position grid counts the cells surely
   * inside the circle in one statement, and only the entries along the circle's edge are judged here.
   */
  private countByPlan(area: NearbyArea, plan: CountPlan): number {
    const inside =
      plan.inside.length > 0 ? (this.statements.gridVendors.get(JSON.stringify(plan.inside)) as number) : 0;
    const boxes = JSON.stringify(plan.edge.map((box) => [box.south, box.north, box.west, box.east]));
    const edge = (this.statements.cornered.all(boxes) as IndexRow[]).map((row) => candidateOf(area, row));
    return inside + this.countCandidates(area, edge);
  }

  /** How many of these index entries are within the radius, reading exact positions only near its edge. */
  private countCandidates(area: NearbyArea, candidates: readonly IndexedCandidate[]): number {
    let count = 0;
    const uncertain: IndexedCandidate[] = [];
    for (const candidate of candidates) {
      if (candidate.surelyWithin && candidate.upper <= area.radiusMeters) count += 1;
      else if (candidate.lower <= area.radiusMeters) uncertain.push(candidate);
    }
    // Only vendors within a float32 rounding of the circle need their exact position.
    const edge = this.exactHits({ ...area, first: 0 }, uncertain);
    return count + edge.filter((hit) => hit.distanceMeters <= area.radiusMeters).length;
  }

  /**
   * Known vendors in the boxes around a circle, filtered inside the index query, read from the
   * R*Tree nodes alone: each comes with bounds on its distance, because nodes store float32.
   */
  private indexedWithin(area: NearbyArea, radiusMeters: number): IndexedCandidate[] {
    const candidates: IndexedCandidate[] = [];
    for (const box of boxesAround(area.center, radiusMeters)) {
      const rows = this.boxStatement(area).all(boxParams(box, area)) as IndexRow[];
      for (const row of rows) candidates.push(candidateOf(area, row));
    }
    return candidates;
  }

  /** Exact positions and distances for the given index entries, in one read. */
  private exactHits(query: NearbyQuery, candidates: IndexedCandidate[]): NearbyHit[] {
    if (candidates.length === 0) return [];
    const rows = this.statements.byRowIds.all(JSON.stringify(candidates.map((c) => c.id)));
    const hits: NearbyHit[] = [];
    const within = query.filter.within;
    for (const row of rows) {
      if (
        within &&
        (row.lat < within.south || row.lat > within.north || row.lng < within.west || row.lng > within.east)
      ) {
        continue;
      }
      const distanceMeters = greatCircleMeters(query.center, row);
      if (query.after && compareNearby({ distanceMeters, vendorId: row.vendor_id }, query.after) <= 0)
        continue;
      hits.push({ distanceMeters, position: toReport(row) });
    }
    return hits;
  }

  private readonly boxStatements = new Map<string, Database.Statement<Record<string, unknown>, unknown[]>>();

  private boxStatement(area: NearbyArea) {
    const { cuisines, openAt, recordedSince } = area.filter;
    const conditions = [
      "p.min_lat <= @north",
      "p.max_lat >= @south",
      "p.min_lng <= @east",
      "p.max_lng >= @west",
    ];
    if (openAt) conditions.push(OPEN_AT);
    if (recordedSince) conditions.push("p.recorded_at >= @recordedSince");
    if (area.filter.within) {
      conditions.push(
        "p.min_lat <= @withinNorth",
        "p.max_lat >= @withinSouth",
        "p.min_lng <= @withinEast",
        "p.max_lng >= @withinWest",
      );
    }
    if (cuisines && cuisines.length > 0) {
      conditions.push(
        "EXISTS (SELECT 1 FROM vendor_cuisines c WHERE c.vendor = p.id AND c.cuisine IN (SELECT value FROM json_each(@cuisines)))",
      );
    }
    const sql = `SELECT p.id, p.min_lat, p.max_lat, p.min_lng, p.max_lng FROM position_index p WHERE ${conditions.join(" AND ")}`;
    let statement = this.boxStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare<Record<string, unknown>, unknown[]>(sql).raw(true);
      this.boxStatements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Every change to the index goes through here or `unindexPosition`, which keep the grid's counts.
   * `indexedAt` is where the vendor's entry is now, when the caller knows (null: it has none), which
   * saves reading it back on the hot path of position reports.
   */
  private indexPosition(
    id: number,
    lat: number,
    lng: number,
    recordedAt: number,
    isOpen: number,
    indexedAt?: GeoPoint | null,
  ): void {
    const before =
      indexedAt === undefined ? this.indexedCell(id) : indexedAt && gridCellOf(indexedAt.lat, indexedAt.lng);
    const after = gridCellOf(lat, lng);
    this.statements.index.run(id, lat, lat, lng, lng, lat, lng, recordedAt, isOpen);
    if (before?.row === after.row && before.col === after.col) return;
    if (before) this.statements.addToGrid.run(before.row, before.col, -1);
    this.statements.addToGrid.run(after.row, after.col, 1);
  }

  private unindexPosition(id: number): void {
    const before = this.indexedCell(id);
    if (!before) return;
    this.statements.unindex.run(id);
    this.statements.addToGrid.run(before.row, before.col, -1);
  }

  /** The grid cell the vendor's index entry is counted in, read from the corner the index stored. */
  private indexedCell(id: number): GridCell | null {
    const corner = this.statements.indexCorner.get(id);
    return corner ? { row: gridLine(corner[0]), col: gridLine(corner[1]) } : null;
  }
}

function boxParams(box: BoundingBox, query: NearbyArea): Record<string, unknown> {
  const params: Record<string, unknown> = {
    south: box.south,
    north: box.north,
    west: box.west,
    east: box.east,
  };
  if (query.filter.recordedSince) params.recordedSince = query.filter.recordedSince.getTime();
  if (query.filter.openAt) params.openAt = query.filter.openAt.getTime();
  const within = query.filter.within;
  if (within) {
    Object.assign(params, {
      withinSouth: within.south,
      withinNorth: within.north,
      withinWest: within.west,
      withinEast: within.east,
    });
  }
  if (query.filter.cuisines && query.filter.cuisines.length > 0)
    params.cuisines = JSON.stringify(query.filter.cuisines);
  return params;
}
