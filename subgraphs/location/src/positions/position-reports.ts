import { type DomainEvent, newEvent } from "@venta/events";
import { crossingEvents } from "../geofences/fence-evaluation.js";
import type { FenceTransition } from "../geofences/geofence.record.js";
import type { TrackingClock } from "../geofences/geofences.store.js";
import type { PositionReport } from "./position.record.js";
import type { RecordOutcome } from "./positions.store.js";

export interface RecordedPositions {
  /** As `PositionsStore.recordMany` returns them, in the reports' order. */
  outcomes: RecordOutcome[];
  /** The fence crossings each outcome's move caused, one list per outcome (empty where it did not move). */
  crossings: FenceTransition[][];
}

/**
 * The unit of work of position reports. One transaction (MongoDB: one per
 * `REPORTS_PER_TRANSACTION` reports, in order) in which the positions store writes the positions and
 * their history, the geofences store evaluates each move against the fences (through the fences'
 * spatial index) and updates the vendor's memberships, and the outbox records
 * `location.vendor_location_updated` for each move and `location.geofence_triggered` for each
 * crossing: a move and its crossings are stored and announced together or not at all.
 */
export interface PositionReports {
  /** `listed` holds the reporting vendors that are listed: only they enter alert zones. */
  record(
    reports: readonly PositionReport[],
    listed: ReadonlySet<string>,
    clock: TrackingClock,
  ): Promise<RecordedPositions>;
}

/**
 * What a transaction's reports record and announce: each outcome's crossings (none for a report that
 * did not move its vendor), and the events, each move before the crossings it caused, as a consumer
 * reading one vendor's story expects. `evaluated` holds the fence evaluation of each outcome, in order.
 */
export function reportEvents(
  outcomes: readonly RecordOutcome[],
  evaluated: readonly (readonly FenceTransition[])[],
  now: Date,
): { events: DomainEvent[]; crossings: FenceTransition[][] } {
  const events: DomainEvent[] = [];
  const crossings = outcomes.map((outcome, i): FenceTransition[] => {
    if (!outcome.moved) return [];
    const caused = [...(evaluated[i] ?? [])];
    events.push(moveEvent(outcome.current, now), ...crossingEvents(caused, now));
    return caused;
  });
  return { events, crossings };
}

/** `location.vendor_location_updated` for a report that moved its vendor. */
export function moveEvent(current: PositionReport, now: Date): DomainEvent {
  return newEvent(
    "location.vendor_location_updated",
    {
      vendorId: current.vendorId,
      lat: current.lat,
      lng: current.lng,
      accuracyMeters: current.accuracyMeters,
      heading: current.heading,
      recordedAt: current.recordedAt.toISOString(),
    },
    now,
  );
}
