import { type DomainEvent, newEvent } from "@venta/events";
import type { PositionReport } from "../positions/position.record.js";
import { fenceGeometry, geometryContains, geometryHolds, shapeCenter } from "./geofence.geometry.js";
import type { FenceIdentity, FenceTransition, GeofenceRecord, GeofenceShape } from "./geofence.record.js";

/**
 * A vendor enters a fence on its edge but leaves only once farther than this outside it, so a truck
 * parked on the edge does not flap in and out with the jitter of its fixes (a few meters, usually).
 */
export const EXIT_MARGIN_METERS = 20;

/** Which memberships a new look at a vendor or a fence starts and ends. */
export function membershipChanges<K>(
  current: ReadonlySet<K>,
  inside: ReadonlySet<K>,
): { entered: K[]; exited: K[] } {
  const entered: K[] = [];
  const exited: K[] = [];
  for (const key of inside) if (!current.has(key)) entered.push(key);
  for (const key of current) if (!inside.has(key)) exited.push(key);
  return { entered, exited };
}

/**
 * Who a fence holds at its (new) place, among the positions that could be inside it: those exactly
 * inside, and those `current`ly inside still within the exit margin.
 */
export function heldInside(
  shape: GeofenceShape,
  current: ReadonlySet<string>,
  candidates: Iterable<PositionReport>,
): Map<string, PositionReport> {
  const geometry = fenceGeometry(shape);
  const held = new Map<string, PositionReport>();
  for (const position of candidates)
    if (
      geometryContains(geometry, position) ||
      (current.has(position.vendorId) && geometryHolds(geometry, position, EXIT_MARGIN_METERS))
    )
      held.set(position.vendorId, position);
  return held;
}

/** Whether a position still counts: a stale one is outside every fence, as on live maps. */
export const isLive = (position: PositionReport, liveSince: Date): boolean =>
  position.recordedAt.getTime() >= liveSince.getTime();

/** `location.geofence_triggered` for each crossing, in order. */
export function crossingEvents(transitions: readonly FenceTransition[], now: Date): DomainEvent[] {
  return transitions.map((t) =>
    newEvent(
      "location.geofence_triggered",
      {
        fenceId: t.fence.id,
        fenceKind: t.fence.kind,
        ownerId: t.fence.ownerId,
        vendorId: t.vendorId,
        transition: t.transition,
        lat: t.point.lat,
        lng: t.point.lng,
        at: t.at.toISOString(),
        cause: t.cause,
        fenceCenter: { lat: t.fence.center.lat, lng: t.fence.center.lng },
      },
      now,
    ),
  );
}

/** What a crossing's event says of its fence. */
export const fenceIdentity = (fence: GeofenceRecord): FenceIdentity => ({
  id: fence.id,
  kind: fence.kind,
  ownerId: fence.ownerId,
  center: shapeCenter(fence.shape),
});
