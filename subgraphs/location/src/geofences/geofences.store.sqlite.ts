import type { SqliteOutbox } from "@venta/events";
import {
  type BoundingBox,
  boxesAround,
  EARTH_RADIUS_METERS,
  type GeoPoint,
  greatCircleMeters,
} from "@venta/geo";
import { pageLimit, pageOf } from "@venta/store";
import type Database from "better-sqlite3";
import type { PositionReport } from "../positions/position.record.js";
import type { RecordOutcome } from "../positions/positions.store.js";
import type { SqlitePositionsStore } from "../positions/positions.store.sqlite.js";
import { type FenceEntry, FenceEntryCache } from "./fence-entries.js";
import {
  crossingEvents,
  EXIT_MARGIN_METERS,
  fenceIdentity,
  heldInside,
  isLive,
  membershipChanges,
} from "./fence-evaluation.js";
import { flatRing, geometryEdge, shapeBoxes } from "./geofence.geometry.js";
import type {
  FenceIdentity,
  FenceTransition,
  GeofenceKind,
  GeofenceListKey,
  GeofencePage,
  GeofenceRecord,
  GeofenceShape,
  OccupantKey,
  OccupantPage,
  TransitionCause,
} from "./geofence.record.js";
import type {
  FenceWrite,
  GeofenceChanges,
  GeofencesStore,
  OfflineSweep,
  TrackingClock,
} from "./geofences.store.js";
import {
  cellsAround,
  cellsOf,
  NEIGHBOURHOOD_METERS,
  NeighbourhoodCache,
  stillHolds,
} from "./vendor-neighbourhoods.js";

interface FenceRow {
  row: number;
  id: string;
  kind: GeofenceKind;
  owner_id: string;
  name: string;
  shape: string;
  roaming: number;
  created_at: number;
  updated_at: number;
}

/** A fence entry's auxiliary columns as stored: fence row, kind code, vendor, radius, coordinates. */
type StoredEntry = [
  fence: number,
  kind: number,
  vendor: string | null,
  radius: number | null,
  geometry: Buffer,
];

/**
 * How far `fenced_vendors.seen_at` may lag a vendor's position. Rewriting it on every report would
 * dirty a page per report; refreshing it this seldom costs the sweep a check of the position instead.
 */
const SEEN_AT_SLACK_MS = 30_000;

/** Taken off a neighbourhood's reach, for the rounding of distances computed two ways. */
const SAFE_ROUNDING_METERS = 0.5;

/** A box grown by `meters` on every side, split at the antimeridian if it reaches across. */
function grownBoxes(box: BoundingBox, meters: number): BoundingBox[] {
  const dLat = meters / METERS_PER_DEGREE;
  const south = Math.max(-90, box.south - dLat);
  const north = Math.min(90, box.north + dLat);
  const dLng =
    meters / (METERS_PER_DEGREE * Math.max(1e-6, Math.cos((Math.max(-south, north) * Math.PI) / 180)));
  const west = box.west - dLng;
  const east = box.east + dLng;
  const boxes = [{ south, north, west: Math.max(-180, west), east: Math.min(180, east) }];
  if (west < -180) boxes.push({ south, north, west: west + 360, east: 180 });
  if (east > 180) boxes.push({ south, north, west: -180, east: east - 360 });
  return boxes;
}

/** What the store holds of a vendor inside fences: the fences, and `fenced_vendors.seen_at` if any. */
interface FencedState {
  fences: Set<number>;
  seenAt: number | undefined;
}

const METERS_PER_DEGREE = (EARTH_RADIUS_METERS * Math.PI) / 180;

/** What a report that did not move its vendor, or stayed put, crossed. */
const NO_CROSSINGS: readonly FenceTransition[] = [];

/** Kind codes in the index, where a number is cheaper to store and compare than the name. */
const ALERT_CODE = 0;
const VENDOR_CODE = 1;

const toRecord = (row: FenceRow): GeofenceRecord => ({
  id: row.id,
  kind: row.kind,
  ownerId: row.owner_id,
  name: row.name,
  shape: JSON.parse(row.shape) as GeofenceShape,
  roaming: row.roaming === 1,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

/** Coordinates as stored in the index: the centre of a circle, or the flat ring of a polygon. */
function geometryBlob(shape: GeofenceShape): Buffer {
  const flat =
    shape.type === "CIRCLE" ? Float64Array.of(shape.center.lat, shape.center.lng) : flatRing(shape.ring);
  return Buffer.from(flat.buffer, flat.byteOffset, flat.byteLength);
}

function readGeometry(blob: Buffer): Float64Array {
  // A view needs 8-byte alignment; a blob that lacks it is copied once.
  if (blob.byteOffset % 8 === 0) return new Float64Array(blob.buffer, blob.byteOffset, blob.byteLength / 8);
  return new Float64Array(Uint8Array.from(blob).buffer);
}

/**
 * Geofences in the location database, beside the positions, so one transaction writes a position,
 * the memberships it changes and their events in the outbox.
 *
 * `fence_index` is an R*Tree over each fence's bounding box(es) (two for a circle across the
 * antimeridian), one entry per box, under ids from `geofence_entries` that are never reused. A
 * position's look-up reads from the R*Tree's nodes the entries whose box holds the point, then takes
 * each entry's fence, kind and exact shape from a per-process cache (filled from the entry's auxiliary
 * columns on first use) and tests the shape: great-circle distance for a circle, the ring for a
 * polygon. `geofence_memberships` holds who is inside what, by vendor only: a fence's occupants are
 * found through the positions' index (see `members`), so a crossing writes one page, not two.
 * `fenced_vendors` holds the vendors inside at least one fence with a recent time of their position,
 * so the offline sweep finds them by index.
 *
 * Most reports come from vendors standing still. A look at a vendor's fences searches 50 m around it
 * and so also learns how far it may move before any fence could start or stop holding it; a report
 * within that distance changes no membership, and is written without a look (see
 * `vendor-neighbourhoods.ts`). Every change to fences or memberships counts itself in `fence_cells`
 * around where it happened, which is how a process learns that its memo no longer holds.
 */
export class SqliteGeofencesStore implements GeofencesStore {
  private readonly statements;
  private readonly entries = new FenceEntryCache();
  private readonly neighbourhoods = new NeighbourhoodCache();

  /** Over a database the geofences (and positions) migrations have run on. */
  constructor(
    private readonly db: Database.Database,
    private readonly positions: SqlitePositionsStore,
    private readonly outbox: SqliteOutbox,
  ) {
    this.statements = {
      insert: db.prepare<[string, string, string, string, string, number, number, number], { row: number }>(
        `INSERT INTO geofences (id, kind, owner_id, name, shape, roaming, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING row`,
      ),
      update: db.prepare<[string, string, number, number, number]>(
        "UPDATE geofences SET name = ?, shape = ?, roaming = ?, updated_at = ? WHERE row = ?",
      ),
      delete: db.prepare<[number]>("DELETE FROM geofences WHERE row = ?"),
      byId: db.prepare<[string], FenceRow>("SELECT * FROM geofences WHERE id = ?"),
      identity: db.prepare<[number], FenceRow>("SELECT * FROM geofences WHERE row = ?"),
      countByOwner: db
        .prepare<[GeofenceKind, string], number>(
          "SELECT count(*) FROM geofences WHERE kind = ? AND owner_id = ?",
        )
        .pluck(),
      erase: db.prepare<[string, number]>(
        "INSERT OR IGNORE INTO erased_people (person_id, erased_at) VALUES (?, ?)",
      ),
      isErased: db
        .prepare<[string], number>("SELECT count(*) FROM erased_people WHERE person_id = ?")
        .pluck(),
      alertZonesOf: db.prepare<[string], FenceRow>(
        "SELECT * FROM geofences WHERE kind = 'ALERT_ZONE' AND owner_id = ?",
      ),
      roamingOf: db.prepare<[string], FenceRow>(
        "SELECT * FROM geofences WHERE owner_id = ? AND roaming = 1 AND kind = 'ALERT_ZONE' ORDER BY row",
      ),
      newEntry: db.prepare<[number], { id: number }>(
        "INSERT INTO geofence_entries (fence) VALUES (?) RETURNING id",
      ),
      entriesOf: db.prepare<[number], number>("SELECT id FROM geofence_entries WHERE fence = ?").pluck(),
      dropEntries: db.prepare<[number]>("DELETE FROM geofence_entries WHERE fence = ?"),
      indexEntry: db.prepare<
        [number, number, number, number, number, number, number, string | null, number | null, Buffer]
      >(
        `INSERT INTO fence_index (id, min_lat, max_lat, min_lng, max_lng, fence, kind, vendor, radius, geometry)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      unindexEntry: db.prepare<[number]>("DELETE FROM fence_index WHERE id = ?"),
      entriesIn: db
        .prepare<BoundingBox, number>(
          "SELECT id FROM fence_index WHERE min_lat <= @north AND max_lat >= @south AND min_lng <= @east AND max_lng >= @west",
        )
        .pluck(),
      entryBox: db
        .prepare<[number], [number, number, number, number]>(
          "SELECT min_lat, max_lat, min_lng, max_lng FROM fence_index WHERE id = ?",
        )
        .raw(true),
      countChange: db.prepare<[number]>(
        "INSERT INTO fence_cells (cell, changes) VALUES (?, 1) ON CONFLICT (cell) DO UPDATE SET changes = changes + 1",
      ),
      cellChanges: db
        .prepare<[string], [number, number]>(
          "SELECT cell, changes FROM fence_cells WHERE cell IN (SELECT value FROM json_each(?))",
        )
        .raw(true),
      entry: db
        .prepare<[number], StoredEntry>(
          "SELECT fence, kind, vendor, radius, geometry FROM fence_index WHERE id = ?",
        )
        .raw(true),
      fencesOfVendors: db
        .prepare<[string], [string, number, number]>(
          `SELECT m.vendor_id, m.fence, g.row IS NOT NULL FROM geofence_memberships m
           LEFT JOIN geofences g ON g.row = m.fence
           WHERE m.vendor_id IN (SELECT value FROM json_each(?))`,
        )
        .raw(true),
      seenAtOfVendors: db
        .prepare<[string], [string, number]>(
          "SELECT vendor_id, seen_at FROM fenced_vendors WHERE vendor_id IN (SELECT value FROM json_each(?))",
        )
        .raw(true),
      fencesOfVendor: db
        .prepare<[string], number>(
          "SELECT m.fence FROM geofence_memberships m JOIN geofences g ON g.row = m.fence WHERE m.vendor_id = ?",
        )
        .pluck(),
      membership: db
        .prepare<[string, number], number>(
          "SELECT entered_at FROM geofence_memberships WHERE vendor_id = ? AND fence = ?",
        )
        .pluck(),
      enter: db.prepare<[string, number, number]>(
        "INSERT OR IGNORE INTO geofence_memberships (vendor_id, fence, entered_at) VALUES (?, ?, ?)",
      ),
      exit: db.prepare<[string, number]>(
        "DELETE FROM geofence_memberships WHERE vendor_id = ? AND fence = ?",
      ),
      exitAll: db.prepare<[string]>("DELETE FROM geofence_memberships WHERE vendor_id = ?"),
      markFenced: db.prepare<[string, number]>(
        `INSERT INTO fenced_vendors (vendor_id, seen_at) VALUES (?, ?)
         ON CONFLICT (vendor_id) DO UPDATE SET seen_at = excluded.seen_at`,
      ),
      unmarkFenced: db.prepare<[string]>("DELETE FROM fenced_vendors WHERE vendor_id = ?"),
      staleFenced: db
        .prepare<[number, number], string>(
          "SELECT vendor_id FROM fenced_vendors WHERE seen_at < ? ORDER BY seen_at LIMIT ?",
        )
        .pluck(),
    };
  }

  async create(fence: GeofenceRecord, limit: number, clock: TrackingClock): Promise<FenceWrite | null> {
    return this.outbox.record(
      (): FenceWrite | null => {
        if ((this.statements.countByOwner.get(fence.kind, fence.ownerId) ?? 0) >= limit) return null;
        // Checked inside the write: an erasure commits either before (refused here) or after (deletes it).
        if (fence.kind === "ALERT_ZONE" && this.statements.isErased.get(fence.ownerId)) return null;
        const inserted = this.statements.insert.get(
          fence.id,
          fence.kind,
          fence.ownerId,
          fence.name,
          JSON.stringify(fence.shape),
          fence.roaming ? 1 : 0,
          fence.createdAt.getTime(),
          fence.updatedAt.getTime(),
        ) as { row: number };
        this.index(inserted.row, fence);
        return { fence, transitions: this.place(inserted.row, fence, new Set(), clock) };
      },
      (write) => crossingEvents(write?.transitions ?? [], clock.now),
    );
  }

  async update(id: string, changes: GeofenceChanges, clock: TrackingClock): Promise<FenceWrite | null> {
    return this.outbox.record(
      (): FenceWrite | null => {
        const row = this.statements.byId.get(id);
        if (!row) return null;
        const before = toRecord(row);
        const fence: GeofenceRecord = {
          ...before,
          name: changes.name ?? before.name,
          shape: changes.shape ?? before.shape,
          roaming: changes.roaming ?? before.roaming,
          updatedAt: clock.now,
        };
        return {
          fence,
          transitions: this.rewrite(row.row, before, fence, changes.shape !== undefined, clock),
        };
      },
      (write) => crossingEvents(write?.transitions ?? [], clock.now),
    );
  }

  async delete(id: string): Promise<boolean> {
    return this.db
      .transaction(() => {
        const row = this.statements.byId.get(id);
        if (!row) return false;
        this.remove(row);
        return true;
      })
      .immediate();
  }

  async erasePerson(personId: string, at: Date): Promise<number> {
    return this.db
      .transaction((): number => {
        this.statements.erase.run(personId, at.getTime());
        const zones = this.statements.alertZonesOf.all(personId);
        for (const row of zones) this.remove(row);
        return zones.length;
      })
      .immediate();
  }

  async isErased(personId: string): Promise<boolean> {
    return (this.statements.isErased.get(personId) ?? 0) > 0;
  }

  /** Takes a fence, its memberships and its index entries out; inside the caller's transaction. */
  private remove(row: FenceRow): void {
    for (const vendorId of this.members(row.row, toRecord(row)).keys())
      this.statements.exit.run(vendorId, row.row);
    this.unindex(row.row);
    this.statements.delete.run(row.row);
  }

  async get(id: string): Promise<GeofenceRecord | null> {
    const row = this.statements.byId.get(id);
    return row ? toRecord(row) : null;
  }

  async listByOwner(
    kind: GeofenceKind,
    ownerId: string,
    first: number,
    after?: GeofenceListKey,
  ): Promise<GeofencePage> {
    const rows = this.db
      .prepare<unknown[], FenceRow>(
        `SELECT * FROM geofences WHERE kind = ? AND owner_id = ?
         ${after ? "AND (created_at < ? OR (created_at = ? AND id < ?))" : ""}
         ORDER BY created_at DESC, id DESC LIMIT ?`,
      )
      .all(
        ...(after
          ? [kind, ownerId, after.createdAt.getTime(), after.createdAt.getTime(), after.id, pageLimit(first)]
          : [kind, ownerId, pageLimit(first)]),
      );
    const { records, hasNextPage } = pageOf(rows, first, toRecord);
    return { fences: records, hasNextPage };
  }

  async countByOwner(kind: GeofenceKind, ownerId: string): Promise<number> {
    return this.statements.countByOwner.get(kind, ownerId) ?? 0;
  }

  async occupants(fenceId: string, first: number, after?: OccupantKey): Promise<OccupantPage> {
    // One read transaction, so the candidates and their memberships are one snapshot.
    return this.db.transaction((): OccupantPage => {
      const row = this.statements.byId.get(fenceId);
      if (!row) return { occupants: [], hasNextPage: false };
      const since = after ? { at: after.enteredAt.getTime(), vendorId: after.vendorId } : null;
      const occupants = [...this.members(row.row, toRecord(row))]
        .filter(([vendorId, at]) => !since || at < since.at || (at === since.at && vendorId < since.vendorId))
        .sort(([aId, aAt], [bId, bAt]) => bAt - aAt || (aId < bId ? 1 : aId > bId ? -1 : 0))
        .slice(0, pageLimit(first));
      const { records, hasNextPage } = pageOf(occupants, first, ([vendorId, at]) => ({
        vendorId,
        enteredAt: new Date(at),
      }));
      return { occupants: records, hasNextPage };
    })();
  }

  async moveRoaming(ownerId: string, center: GeoPoint, clock: TrackingClock): Promise<FenceWrite[]> {
    return this.outbox.record(
      (): FenceWrite[] =>
        this.statements.roamingOf.all(ownerId).flatMap((row) => {
          const before = toRecord(row);
          if (before.shape.type !== "CIRCLE") return [];
          const fence: GeofenceRecord = {
            ...before,
            shape: { ...before.shape, center: { lat: center.lat, lng: center.lng } },
            updatedAt: clock.now,
          };
          return [{ fence, transitions: this.rewrite(row.row, before, fence, true, clock) }];
        }),
      (writes) =>
        crossingEvents(
          writes.flatMap((write) => write.transitions),
          clock.now,
        ),
    );
  }

  /**
   * The fence crossings of the reports' moves, for each outcome in order (none for a report that did
   * not move its vendor): each moved vendor's memberships and `fenced_vendors` row brought up to date.
   * Runs inside the position report's transaction (see `SqlitePositionReports`); when that rolls back,
   * `forget` the reports.
   */
  evaluate(
    outcomes: readonly RecordOutcome[],
    listed: ReadonlySet<string>,
    clock: TrackingClock,
  ): (readonly FenceTransition[])[] {
    const moved = outcomes.filter((outcome) => outcome.moved);
    const counts = this.cellCounts(
      moved.flatMap(({ current }) => [
        ...cellsAround(current),
        ...(this.neighbourhoods.get(current.vendorId)?.counts.keys() ?? []),
      ]),
    );
    const known = this.knownStates(moved, listed, counts);
    const identities = new Map<number, FenceIdentity>();
    return outcomes.map((outcome) => {
      if (!outcome.moved) return NO_CROSSINGS;
      const { current } = outcome;
      const state = known.get(current.vendorId) as FencedState;
      const isListed = listed.has(current.vendorId);
      return this.staysPut(current, outcome.previous, isListed, clock, state, counts)
        ? NO_CROSSINGS
        : this.follow(current, isListed, clock, state, identities, counts);
    });
  }

  /** The reports' transaction rolled back: the neighbourhood memos may speak of its writes. */
  forget(reports: readonly PositionReport[]): void {
    for (const { vendorId } of reports) this.neighbourhoods.delete(vendorId);
  }

  async sweepOffline(clock: TrackingClock, limit: number): Promise<OfflineSweep> {
    return this.outbox.record(
      (): OfflineSweep => {
        const transitions: FenceTransition[] = [];
        const identities = new Map<number, FenceIdentity>();
        const stale = this.statements.staleFenced.all(clock.liveSince.getTime(), limit);
        for (const vendorId of stale) {
          const position = this.positions.positionOf(vendorId);
          // `seen_at` lags the position by up to SEEN_AT_SLACK_MS: a vendor still live is kept.
          if (position && isLive(position, clock.liveSince)) {
            this.statements.markFenced.run(vendorId, position.recordedAt.getTime());
            continue;
          }
          if (position) this.countChange(boxesAround(position, 0));
          if (position)
            for (const fence of this.statements.fencesOfVendor.all(vendorId))
              transitions.push(
                this.transition(fence, vendorId, "EXIT", position, clock.now, "VENDOR_OFFLINE", identities),
              );
          this.statements.exitAll.run(vendorId);
          this.statements.unmarkFenced.run(vendorId);
        }
        return { vendors: stale.length, transitions };
      },
      (sweep) => crossingEvents(sweep.transitions, clock.now),
    );
  }

  /**
   * What each moved vendor's memberships are before the batch: from its neighbourhood memo where that
   * still holds, else read, for all the others at once.
   */
  private knownStates(
    moved: readonly RecordOutcome[],
    listed: ReadonlySet<string>,
    counts: ReadonlyMap<number, number>,
  ): Map<string, FencedState> {
    const states = new Map<string, FencedState>();
    const unread: string[] = [];
    for (const { current, previous } of moved) {
      const { vendorId } = current;
      if (states.has(vendorId) || unread.includes(vendorId)) continue;
      const memo = this.neighbourhoods.get(vendorId);
      if (memo && stillHolds(memo, previous, listed.has(vendorId), counts)) {
        states.set(vendorId, { fences: memo.fences, seenAt: memo.seenAt });
      } else {
        this.neighbourhoods.delete(vendorId);
        unread.push(vendorId);
      }
    }
    if (unread.length === 0) return states;
    for (const vendorId of unread) states.set(vendorId, { fences: new Set(), seenAt: undefined });
    const ids = JSON.stringify(unread);
    for (const [vendorId, fence, exists] of this.statements.fencesOfVendors.all(ids)) {
      // A fence deleted while its vendor was out of the positions' index left this row behind.
      if (exists) states.get(vendorId)?.fences.add(fence);
      else this.statements.exit.run(vendorId, fence);
    }
    for (const [vendorId, seenAt] of this.statements.seenAtOfVendors.all(ids)) {
      const state = states.get(vendorId);
      if (state) state.seenAt = seenAt;
    }
    return states;
  }

  /**
   * Whether the vendor's last look still covers this report: then its memberships cannot have
   * changed, and no fence is looked at.
   */
  private staysPut(
    position: PositionReport,
    previous: GeoPoint | null,
    listed: boolean,
    clock: TrackingClock,
    known: FencedState,
    counts: ReadonlyMap<number, number>,
  ): boolean {
    const memo = this.neighbourhoods.get(position.vendorId);
    if (!memo || !isLive(position, clock.liveSince) || !stillHolds(memo, previous, listed, counts))
      return false;
    if (greatCircleMeters(memo.anchor, position) >= memo.safeMeters) return false;
    memo.point = { lat: position.lat, lng: position.lng };
    this.refreshSeenAt(position, known);
    memo.seenAt = known.seenAt;
    return true;
  }

  /**
   * A vendor's memberships brought up to date with its new position; returns the crossings. `known`
   * is what the vendor's memberships were, and is kept current for a later report in the same batch.
   * The look reaches `NEIGHBOURHOOD_METERS` around the vendor, so it also tells how far the vendor
   * may move before any fence could change for it: that is kept as the vendor's neighbourhood.
   */
  private follow(
    position: PositionReport,
    listed: boolean,
    clock: TrackingClock,
    known: FencedState,
    identities: Map<number, FenceIdentity>,
    counts: ReadonlyMap<number, number>,
  ): FenceTransition[] {
    const { vendorId } = position;
    const live = isLive(position, clock.liveSince);
    // Fences the vendor is exactly inside, and fences it was in and is still within the exit margin of.
    const staying = new Set<number>();
    const near: { fence: number; inside: boolean; edgeMeters: number }[] = [];
    if (live) {
      const seen = new Set<number>();
      for (const box of boxesAround(position, NEIGHBOURHOOD_METERS)) {
        // Boxes from the R*Tree's nodes alone; what each entry is comes from the cache.
        for (const id of this.statements.entriesIn.all(box)) {
          const entry = seen.has(id) ? undefined : this.entry(id);
          seen.add(id);
          if (!entry || !(entry.alert ? listed : entry.vendor === vendorId)) continue;
          const { inside, edgeMeters } = geometryEdge(entry, position);
          near.push({ fence: entry.fence, inside, edgeMeters });
          if (inside || (known.fences.has(entry.fence) && edgeMeters <= EXIT_MARGIN_METERS))
            staying.add(entry.fence);
        }
      }
    }
    // A fence the vendor was in and that is not near is more than the exit margin away: it is left.
    const { entered, exited } = membershipChanges(known.fences, staying);
    const transitions: FenceTransition[] = [];
    const at = position.recordedAt;
    for (const fence of entered) {
      this.statements.enter.run(vendorId, fence, at.getTime());
      transitions.push(this.transition(fence, vendorId, "ENTER", position, at, "VENDOR_MOVED", identities));
    }
    for (const fence of exited) {
      this.statements.exit.run(vendorId, fence);
      transitions.push(this.transition(fence, vendorId, "EXIT", position, at, "VENDOR_MOVED", identities));
    }
    known.fences = staying;
    this.refreshSeenAt(position, known);
    if (!live) {
      this.neighbourhoods.delete(vendorId);
      return transitions;
    }
    // How far the vendor may go: to the nearest edge of a fence it is out of, or to the exit margin of
    // one it is in; never beyond what the look reached. Less a little, for rounding.
    let safeMeters = NEIGHBOURHOOD_METERS;
    for (const { fence, inside, edgeMeters } of near) {
      const room = staying.has(fence)
        ? inside
          ? edgeMeters + EXIT_MARGIN_METERS
          : EXIT_MARGIN_METERS - edgeMeters
        : edgeMeters;
      safeMeters = Math.min(safeMeters, room);
    }
    const point = { lat: position.lat, lng: position.lng };
    this.neighbourhoods.set(vendorId, {
      anchor: point,
      safeMeters: safeMeters - SAFE_ROUNDING_METERS,
      point,
      listed,
      fences: staying,
      seenAt: known.seenAt,
      counts: new Map(cellsAround(position).map((cell) => [cell, counts.get(cell) ?? 0])),
    });
    return transitions;
  }

  /** Keeps `fenced_vendors` to the vendors inside a fence, with a `seen_at` at most the slack old. */
  private refreshSeenAt(position: PositionReport, known: FencedState): void {
    const at = position.recordedAt.getTime();
    if (known.fences.size === 0) {
      if (known.seenAt !== undefined) this.statements.unmarkFenced.run(position.vendorId);
      known.seenAt = undefined;
    } else if (known.seenAt === undefined || known.seenAt < at - SEEN_AT_SLACK_MS) {
      this.statements.markFenced.run(position.vendorId, at);
      known.seenAt = at;
    }
  }

  /** The change counts of these cells (0 for a cell never changed). */
  private cellCounts(cells: readonly number[]): Map<number, number> {
    if (cells.length === 0) return new Map();
    return new Map(this.statements.cellChanges.all(JSON.stringify([...new Set(cells)])));
  }

  /** Counts a change to fences or memberships in every cell near the boxes, for neighbourhood memos. */
  private countChange(boxes: readonly BoundingBox[]): void {
    const cells = new Set(boxes.flatMap((box) => grownBoxes(box, NEIGHBOURHOOD_METERS).flatMap(cellsOf)));
    for (const cell of cells) this.statements.countChange.run(cell);
  }

  /** Writes a fence's new state; a new shape moves it in the index and re-decides who is inside. */
  private rewrite(
    row: number,
    before: GeofenceRecord,
    fence: GeofenceRecord,
    reshaped: boolean,
    clock: TrackingClock,
  ): FenceTransition[] {
    this.statements.update.run(
      fence.name,
      JSON.stringify(fence.shape),
      fence.roaming ? 1 : 0,
      fence.updatedAt.getTime(),
      row,
    );
    if (!reshaped) return [];
    const current = new Set(this.members(row, before).keys());
    this.unindex(row);
    this.index(row, fence);
    return this.place(row, fence, current, clock);
  }

  /**
   * A fence's occupants and when each entered. Memberships are kept by vendor only (an index by
   * fence would cost every crossing a second page write); an occupant's current position is always
   * within the exit margin of the fence, so the positions' index finds the candidates: the listed
   * vendors in the fence's boxes for an alert zone, its vendor for a vendor zone.
   */
  private members(row: number, fence: GeofenceRecord): Map<string, number> {
    const candidates =
      fence.kind === "VENDOR_ZONE"
        ? [fence.ownerId]
        : shapeBoxes(fence.shape, EXIT_MARGIN_METERS + SAFE_ROUNDING_METERS).flatMap((box) =>
            this.positions.listedInBox(box, 0).map((position) => position.vendorId),
          );
    const members = new Map<string, number>();
    for (const vendorId of candidates) {
      const enteredAt = this.statements.membership.get(vendorId, row);
      if (enteredAt !== undefined) members.set(vendorId, enteredAt);
    }
    return members;
  }

  /**
   * Who is inside a fence at its (new) place: for an alert zone, the listed vendors with a live
   * position in its boxes, found through the positions' index, then tested against the shape (those
   * already inside stay within the exit margin); for a vendor zone, its vendor alone. `current` are
   * the vendors inside before.
   */
  private place(
    row: number,
    fence: GeofenceRecord,
    current: ReadonlySet<string>,
    clock: TrackingClock,
  ): FenceTransition[] {
    const candidates: PositionReport[] = [];
    if (fence.kind === "ALERT_ZONE") {
      for (const box of shapeBoxes(fence.shape, EXIT_MARGIN_METERS))
        for (const position of this.positions.listedInBox(box, clock.liveSince.getTime()))
          candidates.push(position);
    } else {
      const position = this.positions.positionOf(fence.ownerId);
      if (position && isLive(position, clock.liveSince)) candidates.push(position);
    }
    const staying = heldInside(fence.shape, current, candidates);
    const { entered, exited } = membershipChanges(current, new Set(staying.keys()));
    const identity = new Map([[row, fenceIdentity(fence)]]);
    const transitions: FenceTransition[] = [];
    for (const vendorId of entered) {
      const position = staying.get(vendorId) as PositionReport;
      this.statements.enter.run(vendorId, row, clock.now.getTime());
      this.statements.markFenced.run(vendorId, position.recordedAt.getTime());
      transitions.push(this.transition(row, vendorId, "ENTER", position, clock.now, "FENCE_MOVED", identity));
    }
    for (const vendorId of exited) {
      this.statements.exit.run(vendorId, row);
      const position = this.positions.positionOf(vendorId);
      if (position)
        transitions.push(
          this.transition(row, vendorId, "EXIT", position, clock.now, "FENCE_MOVED", identity),
        );
    }
    return transitions;
  }

  private transition(
    row: number,
    vendorId: string,
    transition: FenceTransition["transition"],
    point: GeoPoint,
    at: Date,
    cause: TransitionCause,
    identities: Map<number, FenceIdentity>,
  ): FenceTransition {
    let fence = identities.get(row);
    if (!fence) {
      fence = this.identityOf(row);
      identities.set(row, fence);
    }
    return { fence, vendorId, transition, point: { lat: point.lat, lng: point.lng }, at, cause };
  }

  /**
   * What the events of a fence's crossings say of it, kept with its current index entry: that entry
   * lives exactly as long as the fence keeps its shape, so the identity (centre included) stays true.
   */
  private identityOf(row: number): FenceIdentity {
    const entry = this.entryOfFence(row);
    if (entry?.identity) return entry.identity;
    const found = this.statements.identity.get(row);
    if (!found) throw new Error(`fence row ${row} has memberships but no fence`);
    const identity = fenceIdentity(toRecord(found));
    if (entry) entry.identity = identity;
    return identity;
  }

  /** The current index entry of a fence (any one of its boxes: all carry the whole shape). */
  private entryOfFence(row: number): FenceEntry | undefined {
    const entryId = this.statements.entriesOf.get(row);
    return entryId === undefined ? undefined : this.entry(entryId);
  }

  /** An index entry's fence and geometry, read once per process. */
  private entry(id: number): FenceEntry | undefined {
    const cached = this.entries.get(id);
    if (cached) return cached;
    const stored = this.statements.entry.get(id);
    if (!stored) return undefined;
    const [fence, kind, vendor, radius, geometry] = stored;
    const coordinates = readGeometry(geometry);
    const entry: FenceEntry = {
      fence,
      alert: kind === ALERT_CODE,
      vendor,
      center: radius === null ? null : { lat: coordinates[0] as number, lng: coordinates[1] as number },
      radius: radius ?? 0,
      ring: radius === null ? coordinates : null,
    };
    this.entries.set(id, entry);
    return entry;
  }

  /** Index entries for the fence's boxes, under ids never used before, so cached entries stay true. */
  private index(row: number, fence: GeofenceRecord): void {
    const kind = fence.kind === "ALERT_ZONE" ? ALERT_CODE : VENDOR_CODE;
    const vendor = fence.kind === "VENDOR_ZONE" ? fence.ownerId : null;
    const radius = fence.shape.type === "CIRCLE" ? fence.shape.radiusMeters : null;
    const geometry = geometryBlob(fence.shape);
    const boxes = shapeBoxes(fence.shape);
    this.countChange(boxes);
    for (const box of boxes) {
      const { id } = this.statements.newEntry.get(row) as { id: number };
      this.statements.indexEntry.run(
        id,
        box.south,
        box.north,
        box.west,
        box.east,
        row,
        kind,
        vendor,
        radius,
        geometry,
      );
    }
  }

  private unindex(row: number): void {
    for (const id of this.statements.entriesOf.all(row)) {
      const box = this.statements.entryBox.get(id);
      if (box) this.countChange([{ south: box[0], north: box[1], west: box[2], east: box[3] }]);
      this.statements.unindexEntry.run(id);
    }
    this.statements.dropEntries.run(row);
  }
}
