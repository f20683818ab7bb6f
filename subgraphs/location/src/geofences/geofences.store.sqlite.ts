import type { DomainEvent, SqliteOutbox } from "@venta/events";
import type { GeoPoint } from "@venta/geo";
import type Database from "better-sqlite3";
import type { PositionReport } from "../positions/position.record.js";
import type { SqlitePositionsStore } from "../positions/positions.store.sqlite.js";
import { entryContains, type FenceEntry, FenceEntryCache } from "./fence-entries.js";
import { crossingEvents, fenceIdentity, isLive, membershipChanges, moveEvents } from "./fence-evaluation.js";
import { flatRing, shapeBoxes, shapeContains } from "./geofence.geometry.js";
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
  RecordedPositions,
  TrackingClock,
} from "./geofences.store.js";

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
 * polygon. `geofence_memberships` holds who is inside what; `fenced_vendors` the vendors inside at
 * least one fence with a recent time of their position, so the offline sweep finds them by index.
 */
export class SqliteGeofencesStore implements GeofencesStore {
  private readonly statements;
  private readonly entries = new FenceEntryCache();

  constructor(
    private readonly db: Database.Database,
    private readonly positions: SqlitePositionsStore,
    private readonly outbox: SqliteOutbox,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS geofences (
        row INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        name TEXT NOT NULL,
        shape TEXT NOT NULL,
        roaming INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS geofences_by_owner ON geofences (kind, owner_id, created_at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS geofences_roaming ON geofences (owner_id) WHERE roaming = 1;
      CREATE TABLE IF NOT EXISTS geofence_entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        fence INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS geofence_entries_by_fence ON geofence_entries (fence);
      CREATE VIRTUAL TABLE IF NOT EXISTS fence_index USING rtree(
        id, min_lat, max_lat, min_lng, max_lng, +fence, +kind, +vendor, +radius, +geometry
      );
      CREATE TABLE IF NOT EXISTS geofence_memberships (
        vendor_id TEXT NOT NULL,
        fence INTEGER NOT NULL,
        entered_at INTEGER NOT NULL,
        PRIMARY KEY (vendor_id, fence)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS geofence_memberships_by_fence
        ON geofence_memberships (fence, entered_at DESC, vendor_id DESC);
      CREATE TABLE IF NOT EXISTS fenced_vendors (
        vendor_id TEXT PRIMARY KEY,
        seen_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS fenced_vendors_by_seen_at ON fenced_vendors (seen_at);
    `);
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
      entriesAt: db
        .prepare<{ lat: number; lng: number }, number>(
          "SELECT id FROM fence_index WHERE min_lat <= @lat AND max_lat >= @lat AND min_lng <= @lng AND max_lng >= @lng",
        )
        .pluck(),
      entry: db
        .prepare<[number], StoredEntry>(
          "SELECT fence, kind, vendor, radius, geometry FROM fence_index WHERE id = ?",
        )
        .raw(true),
      fencesOfVendor: db
        .prepare<[string], number>("SELECT fence FROM geofence_memberships WHERE vendor_id = ?")
        .pluck(),
      vendorsInFence: db
        .prepare<[number], string>("SELECT vendor_id FROM geofence_memberships WHERE fence = ?")
        .pluck(),
      enter: db.prepare<[string, number, number]>(
        "INSERT OR IGNORE INTO geofence_memberships (vendor_id, fence, entered_at) VALUES (?, ?, ?)",
      ),
      exit: db.prepare<[string, number]>(
        "DELETE FROM geofence_memberships WHERE vendor_id = ? AND fence = ?",
      ),
      exitFence: db.prepare<[number]>("DELETE FROM geofence_memberships WHERE fence = ?"),
      fencedSince: db
        .prepare<[string], number>("SELECT seen_at FROM fenced_vendors WHERE vendor_id = ?")
        .pluck(),
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
        return { fence, transitions: this.place(inserted.row, fence, clock) };
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
        return { fence, transitions: this.rewrite(row.row, fence, changes.shape !== undefined, clock) };
      },
      (write) => crossingEvents(write?.transitions ?? [], clock.now),
    );
  }

  async delete(id: string): Promise<boolean> {
    return this.db
      .transaction(() => {
        const row = this.statements.byId.get(id);
        if (!row) return false;
        this.statements.exitFence.run(row.row);
        this.unindex(row.row);
        this.statements.delete.run(row.row);
        return true;
      })
      .immediate();
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
          ? [kind, ownerId, after.createdAt.getTime(), after.createdAt.getTime(), after.id, first + 1]
          : [kind, ownerId, first + 1]),
      );
    return { fences: rows.slice(0, first).map(toRecord), hasNextPage: rows.length > first };
  }

  async countByOwner(kind: GeofenceKind, ownerId: string): Promise<number> {
    return this.statements.countByOwner.get(kind, ownerId) ?? 0;
  }

  async occupants(fenceId: string, first: number, after?: OccupantKey): Promise<OccupantPage> {
    const rows = this.db
      .prepare<unknown[], { vendor_id: string; entered_at: number }>(
        `SELECT vendor_id, entered_at FROM geofence_memberships
         WHERE fence = (SELECT row FROM geofences WHERE id = ?)
         ${after ? "AND (entered_at < ? OR (entered_at = ? AND vendor_id < ?))" : ""}
         ORDER BY entered_at DESC, vendor_id DESC LIMIT ?`,
      )
      .all(
        ...(after
          ? [fenceId, after.enteredAt.getTime(), after.enteredAt.getTime(), after.vendorId, first + 1]
          : [fenceId, first + 1]),
      );
    return {
      occupants: rows
        .slice(0, first)
        .map((row) => ({ vendorId: row.vendor_id, enteredAt: new Date(row.entered_at) })),
      hasNextPage: rows.length > first,
    };
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
          return [{ fence, transitions: this.rewrite(row.row, fence, true, clock) }];
        }),
      (writes) =>
        crossingEvents(
          writes.flatMap((write) => write.transitions),
          clock.now,
        ),
    );
  }

  async recordPositions(
    reports: readonly PositionReport[],
    listed: ReadonlySet<string>,
    clock: TrackingClock,
  ): Promise<RecordedPositions> {
    return this.db
      .transaction((): RecordedPositions => {
        const outcomes = this.positions.recordManyInTransaction(reports);
        const transitions: FenceTransition[] = [];
        const events: DomainEvent[] = [];
        const identities = new Map<number, FenceIdentity>();
        for (const outcome of outcomes) {
          if (!outcome.moved) continue;
          const crossings = this.follow(
            outcome.current,
            listed.has(outcome.current.vendorId),
            clock,
            identities,
          );
          transitions.push(...crossings);
          // Each move before the crossings it caused, as a consumer reading one vendor's story expects.
          events.push(...moveEvents([outcome], clock.now), ...crossingEvents(crossings, clock.now));
        }
        this.outbox.add(events);
        return { outcomes, transitions };
      })
      .immediate();
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
          for (const fence of this.statements.fencesOfVendor.all(vendorId)) {
            this.statements.exit.run(vendorId, fence);
            if (position)
              transitions.push(
                this.transition(fence, vendorId, "EXIT", position, clock.now, "VENDOR_OFFLINE", identities),
              );
          }
          this.statements.unmarkFenced.run(vendorId);
        }
        return { vendors: stale.length, transitions };
      },
      (sweep) => crossingEvents(sweep.transitions, clock.now),
    );
  }

  /** A vendor's memberships brought up to date with its new position; returns the crossings. */
  private follow(
    position: PositionReport,
    listed: boolean,
    clock: TrackingClock,
    identities: Map<number, FenceIdentity>,
  ): FenceTransition[] {
    const { vendorId } = position;
    const inside = new Set<number>();
    if (isLive(position, clock.liveSince)) {
      // Boxes from the R*Tree's nodes alone; what each entry is comes from the cache.
      for (const id of this.statements.entriesAt.all({ lat: position.lat, lng: position.lng })) {
        const entry = this.entry(id);
        if (entry && (entry.alert ? listed : entry.vendor === vendorId) && entryContains(entry, position))
          inside.add(entry.fence);
      }
    }
    const current = new Set(this.statements.fencesOfVendor.all(vendorId));
    if (inside.size === 0 && current.size === 0) return [];
    const { entered, exited } = membershipChanges(current, inside);
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
    if (inside.size === 0) this.statements.unmarkFenced.run(vendorId);
    else {
      const seenAt = this.statements.fencedSince.get(vendorId);
      if (seenAt === undefined || seenAt < at.getTime() - SEEN_AT_SLACK_MS)
        this.statements.markFenced.run(vendorId, at.getTime());
    }
    return transitions;
  }

  /** Writes a fence's new state; a new shape moves it in the index and re-decides who is inside. */
  private rewrite(
    row: number,
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
    this.unindex(row);
    this.index(row, fence);
    return this.place(row, fence, clock);
  }

  /**
   * Who is inside a fence at its (new) place: for an alert zone, the listed vendors with a live
   * position in its boxes, found through the positions' index, then tested against the shape; for a
   * vendor zone, its vendor alone.
   */
  private place(row: number, fence: GeofenceRecord, clock: TrackingClock): FenceTransition[] {
    const inside = new Map<string, PositionReport>();
    if (fence.kind === "ALERT_ZONE") {
      for (const box of shapeBoxes(fence.shape)) {
        for (const position of this.positions.listedInBox(box, clock.liveSince.getTime()))
          if (shapeContains(fence.shape, position)) inside.set(position.vendorId, position);
      }
    } else {
      const position = this.positions.positionOf(fence.ownerId);
      if (position && isLive(position, clock.liveSince) && shapeContains(fence.shape, position))
        inside.set(position.vendorId, position);
    }
    const current = new Set(this.statements.vendorsInFence.all(row));
    const { entered, exited } = membershipChanges(current, new Set(inside.keys()));
    const identity = new Map([[row, fenceIdentity(fence)]]);
    const transitions: FenceTransition[] = [];
    for (const vendorId of entered) {
      const position = inside.get(vendorId) as PositionReport;
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
    const entryId = this.statements.entriesOf.get(row);
    const entry = entryId === undefined ? undefined : this.entry(entryId);
    if (entry?.identity) return entry.identity;
    const found = this.statements.identity.get(row);
    if (!found) throw new Error(`fence row ${row} has memberships but no fence`);
    const identity = fenceIdentity(toRecord(found));
    if (entry) entry.identity = identity;
    return identity;
  }

  /** An index entry's fence and geometry, read once per process. */
  private entry(id: number): FenceEntry | undefined {
    const cached = this.entries.get(id);
    if (cached) return cached;
    const stored = this.statements.entry.get(id);
    if (!stored) return undefined;
    const [fence, kind, vendor, radius, geometry] = stored;
    const entry = { fence, alert: kind === ALERT_CODE, vendor, radius, coordinates: readGeometry(geometry) };
    this.entries.set(id, entry);
    return entry;
  }

  /** Index entries for the fence's boxes, under ids never used before, so cached entries stay true. */
  private index(row: number, fence: GeofenceRecord): void {
    const kind = fence.kind === "ALERT_ZONE" ? ALERT_CODE : VENDOR_CODE;
    const vendor = fence.kind === "VENDOR_ZONE" ? fence.ownerId : null;
    const radius = fence.shape.type === "CIRCLE" ? fence.shape.radiusMeters : null;
    const geometry = geometryBlob(fence.shape);
    for (const box of shapeBoxes(fence.shape)) {
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
    for (const id of this.statements.entriesOf.all(row)) this.statements.unindexEntry.run(id);
    this.statements.dropEntries.run(row);
  }
}
