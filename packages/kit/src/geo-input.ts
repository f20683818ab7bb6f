import { type GeoPoint, isValidLat, isValidLng } from "@venta/geo";
import { badUserInput } from "./errors.js";

/** Area searches stop at 50 km: beyond that "near me" means nothing and costs a city-wide scan. */
export const MAX_RADIUS_METERS = 50_000;

/** A point a client sent; `field` names the argument in the error. */
export function validPoint(point: GeoPoint, field: string): GeoPoint {
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
