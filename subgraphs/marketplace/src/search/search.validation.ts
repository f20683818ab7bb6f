import { type GeoPoint, isValidLat, isValidLng } from "@venta/geo";
import { badUserInput } from "@venta/kit";

/** Searches stop at 50 km, as location's do: beyond that "near" means nothing and costs a city-wide scan. */
export const MAX_RADIUS_METERS = 50_000;
export const DEFAULT_SEARCH_RADIUS_METERS = 5_000;
/** Ranked pages are smaller than plain lists: each one ranks every candidate first. */
export const MAX_SEARCH_PAGE = 50;

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

/** Lower-cased, trimmed, de-duplicated and sorted: the same filter however it is written. */
export function validCuisines(cuisines: readonly string[] | null | undefined): string[] | undefined {
  if (!cuisines || cuisines.length === 0) return undefined;
  if (cuisines.length > 20) throw badUserInput("give at most 20 cuisines", "filter.cuisines");
  return [...new Set(cuisines.map((c) => c.trim().toLowerCase().replace(/\s+/g, " ")))].sort();
}
