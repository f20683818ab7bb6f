import type { GeoPoint } from "@venta/geo";
import type {
  FenceTransition,
  GeofenceKind,
  GeofenceListKey,
  GeofencePage,
  GeofenceRecord,
  GeofenceShape,
  OccupantKey,
  OccupantPage,
} from "./geofence.record.js";

/** The instant a write happens at, and the oldest recording time of a position that is still live. */
export interface TrackingClock {
  now: Date;
  liveSince: Date;
}

/** A fence as written, and the crossings its new place caused. */
export interface FenceWrite {
  fence: GeofenceRecord;
  transitions: FenceTransition[];
}

export interface GeofenceChanges {
  name?: string | undefined;
  shape?: GeofenceShape | undefined;
  roaming?: boolean | undefined;
}

export interface OfflineSweep {
  /** Stale vendors taken out of their fences; fewer than the limit means none is left. */
  vendors: number;
  transitions: FenceTransition[];
}

/**
 * Geofences, which vendors are inside each (memberships), and the writes that change memberships.
 *
 * A vendor is inside a fence while its live position (recorded at or after `clock.liveSince`) is in
 * the fence's shape, and, for an alert zone, while it is listed; for a vendor zone, only the zone's
 * own vendor counts. Every write that changes memberships records, in the same transaction, the
 * `location.geofence_triggered` events of the crossings in the outbox, so a crossing is announced
 * exactly when it is stored. Position reports change memberships too: each adapter's `evaluate`
 * joins the report's transaction (see `positions/position-reports.ts`). Adapters pass
 * `geofences.store.contract.ts`.
 */
export interface GeofencesStore {
  /**
   * Stores a new fence unless its owner already has `limit` fences of that kind, or it is an alert
   * zone of an erased person (then null, nothing written); vendors already inside it enter it.
   */
  create(fence: GeofenceRecord, limit: number, clock: TrackingClock): Promise<FenceWrite | null>;
  /**
   * Renames, redraws or (un)pins a fence; a new shape re-decides who is inside. Null when there is
   * no such fence.
   */
  update(id: string, changes: GeofenceChanges, clock: TrackingClock): Promise<FenceWrite | null>;
  /**
   * The person's account was deleted: records that they are erased and deletes their alert zones
   * (roaming ones too) with the zones' memberships, in one transaction, announcing nothing. A zone
   * created before is deleted with the rest; `create` refuses one after. Idempotent; returns the
   * number of zones deleted.
   */
  erasePerson(personId: string, at: Date): Promise<number>;
  /** Whether `erasePerson` ran for the person: an erased person gathers no new data here. */
  isErased(personId: string): Promise<boolean>;
  /** Deletes the fence and its memberships, announcing nothing; false when there was no such fence. */
  delete(id: string): Promise<boolean>;
  get(id: string): Promise<GeofenceRecord | null>;
  /** An owner's fences of one kind, newest first. */
  listByOwner(
    kind: GeofenceKind,
    ownerId: string,
    first: number,
    after?: GeofenceListKey,
  ): Promise<GeofencePage>;
  countByOwner(kind: GeofenceKind, ownerId: string): Promise<number>;
  /** The vendors inside a fence now, latest arrival first. */
  occupants(fenceId: string, first: number, after?: OccupantKey): Promise<OccupantPage>;
  /**
   * Moves the centre of every roaming fence of `ownerId` to `center`, and re-decides who is inside
   * each, through the positions' spatial index. Returns the fences moved (none when the person has
   * no roaming fence).
   */
  moveRoaming(ownerId: string, center: GeoPoint, clock: TrackingClock): Promise<FenceWrite[]>;
  /**
   * Vendors inside fences whose position is no longer live leave them (EXIT, cause VENDOR_OFFLINE),
   * up to `limit` vendors per call, in one transaction.
   */
  sweepOffline(clock: TrackingClock, limit: number): Promise<OfflineSweep>;
}
