import { type DomainEvent, newEvent } from "@venta/events";
import { crossingEvents } from "../geofences/fence-evaluation.js";
import type { FenceTransition } from "../geofences/geofence.record.js";
import type { TrackingClock } from "../geofences/geofences.store.js";
import type { PositionReport } from "./position.record.js";
import type { RecordOutcome } from "./positions.store.js";

export interface RecordedPositions {
  /** As `PositionsStore.recordMany` returns them, in the reports' order. */
  outcomes: RecordOutcome[];
  /** The fence crossings the moves caused, in the reports' order. */
  transitions: FenceTransition[];
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
 * The events of a transaction's reports: each move before the crossings it caused, as a consumer
 * reading one vendor's story expects. `crossings` holds the crossings of each outcome, in order.
 */
export function reportEvents(
  outcomes: readonly RecordOutcome[],
  crossings: readonly (readonly FenceTransition[])[],
  now: Date,
): { events: DomainEvent[]; transitions: FenceTransition[] } {
  const events: DomainEvent[] = [];
  const transitions: FenceTransition[] = [];
  outcomes.forEach((outcome, i) => {
    if (!outcome.moved) return;
    const caused = crossings[i] ?? [];
    transitions.push(...caused);
    events.push(moveEvent(outcome.current, now), ...crossingEvents(caused, now));
  });
  return { events, transitions };
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
