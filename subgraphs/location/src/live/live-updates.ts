import { randomUUID } from "node:crypto";
import type { GeoPoint } from "@venta/geo";
import type { LiveUpdate } from "@venta/live";
import type { PositionReport } from "../positions/position.record.js";

/** The live update for a position: a move (from `previous`) or a vendor going offline there. */
export function liveUpdate(
  type: LiveUpdate["type"],
  position: PositionReport,
  previous: GeoPoint | null,
): LiveUpdate {
  return {
    id: randomUUID(),
    type,
    vendorId: position.vendorId,
    position: {
      lat: position.lat,
      lng: position.lng,
      accuracyMeters: position.accuracyMeters,
      heading: position.heading,
      recordedAt: position.recordedAt.toISOString(),
    },
    previous,
    acceptedAt: Date.now(),
  };
}
