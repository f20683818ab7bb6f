import { compareIds, geofenceTriggered, type RawEvent, vendorLocationUpdated } from "@venta/events";

/** An event as the bus's log holds it: its place in the log and the event. */
export interface LogEntry {
  /** The log's own id for the entry (a Redis stream id), ordered as the log is. */
  logId: string;
  event: RawEvent;
}

/** What one measured window put on the location events log. */
export interface WindowEvents {
  /** Log ids of `location.vendor_location_updated` events of the reporting vendors, in log order. */
  positions: string[];
  /** `location.geofence_triggered` events caused by moves of the reporting vendors. */
  crossings: number;
  /** Any other entry: crossings of vendors going offline, events of vendors the figure did not move. */
  other: number;
}

export const emptyWindow = (): WindowEvents => ({ positions: [], crossings: 0, other: 0 });

/** Sorts entries read from the log (in log order) into `into`. */
export function tallyEntries(
  entries: readonly LogEntry[],
  reporting: ReadonlySet<string>,
  into: WindowEvents,
): WindowEvents {
  for (const { logId, event } of entries) {
    if (event.type === "location.vendor_location_updated") {
      const parsed = vendorLocationUpdated.safeParse(event.payload);
      if (parsed.success && reporting.has(parsed.data.vendorId)) {
        into.positions.push(logId);
        continue;
      }
    } else if (event.type === "location.geofence_triggered") {
      const parsed = geofenceTriggered.safeParse(event.payload);
      if (parsed.success && parsed.data.cause === "VENDOR_MOVED" && reporting.has(parsed.data.vendorId)) {
        into.crossings += 1;
        continue;
      }
    }
    into.other += 1;
  }
  return into;
}

/** How far one consumer group got through the window's position events. */
export interface ConsumerTally {
  consumer: string;
  /** Position events the group has been handed and acknowledged (dead letters taken off). */
  consumed: number;
  /** Handed but not acknowledged yet. */
  pending: number;
  /** Events the consumer set aside as dead letters during the window (of any type). */
  deadLetters: number;
  /** Position events the group has not consumed. */
  missing: number;
}

/**
 * A group has been handed every entry up to its last delivered id (groups read the log in order);
 * those still pending are not done, and a dead letter was handed but never handled.
 */
export function tallyConsumer(
  consumer: string,
  positions: readonly string[],
  lastDeliveredId: string,
  pendingIds: ReadonlySet<string>,
  deadLetters: number,
): ConsumerTally {
  let handed = 0;
  let pending = 0;
  for (const id of positions) {
    if (compareIds(id, lastDeliveredId) > 0) break;
    handed += 1;
    if (pendingIds.has(id)) pending += 1;
  }
  const consumed = Math.max(0, handed - pending - deadLetters);
  return { consumer, consumed, pending, deadLetters, missing: positions.length - consumed };
}

/**
 * Accepted updates that did not become an event every consumer handled: those never published, or
 * published but not consumed by the slowest consumer.
 */
export function lostUpdates(
  accepted: number,
  published: number,
  consumers: readonly ConsumerTally[],
): number {
  const reached = Math.min(published, ...consumers.map((c) => c.consumed));
  return Math.max(0, accepted - reached);
}
