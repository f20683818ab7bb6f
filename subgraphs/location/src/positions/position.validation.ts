import { isValidLat, isValidLng } from "@venta/geo";
import { badUserInput } from "@venta/kit";

/** Proximity searches stop at 50 km: beyond that "near me" means nothing and costs a city-wide scan. */
export const MAX_RADIUS_METERS = 50_000;
/** Devices' clocks drift; a report from further in the future than this is refused. */
export const MAX_CLOCK_SKEW_MS = 60_000;

export function validPoint(point: { lat: number; lng: number }, field: string): { lat: number; lng: number } {
  if (!isValidLat(point.lat)) throw badUserInput(`${field}.lat must be between -90 and 90`, `${field}.lat`);
  if (!isValidLng(point.lng)) throw badUserInput(`${field}.lng must be between -180 and 180`, `${field}.lng`);
  return { lat: point.lat, lng: point.lng };
}

export function validRadius(radiusMeters: number): number {
  if (!Number.isFinite(radiusMeters) || radiusMeters <= 0 || radiusMeters > MAX_RADIUS_METERS) {
    throw badUserInput(
      `radiusMeters must be greater than 0 and at most ${MAX_RADIUS_METERS}`,
      "radiusMeters",
    );
  }
  return radiusMeters;
}

export function validAccuracy(accuracyMeters: number | null | undefined): number | null {
  if (accuracyMeters === null || accuracyMeters === undefined) return null;
  if (!Number.isFinite(accuracyMeters) || accuracyMeters < 0 || accuracyMeters > 10_000) {
    throw badUserInput("accuracyMeters must be between 0 and 10000", "accuracyMeters");
  }
  return accuracyMeters;
}

export function validHeading(heading: number | null | undefined): number | null {
  if (heading === null || heading === undefined) return null;
  if (!Number.isFinite(heading) || heading < 0 || heading >= 360) {
    throw badUserInput("heading must be at least 0 and below 360", "heading");
  }
  return heading;
}

export function validRecordedAt(recordedAt: Date | null | undefined, now: Date): Date {
  if (recordedAt === null || recordedAt === undefined) return now;
  if (recordedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    throw badUserInput("recordedAt is more than a minute in the future", "recordedAt");
  }
  return recordedAt;
}
