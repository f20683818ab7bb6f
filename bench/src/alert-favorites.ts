import { type GeoPoint, greatCircleMeters } from "@venta/geo";
import type { GeofenceRecord } from "@venta/location";
import type { BenchVendor } from "./metro.js";

/** Favorites per person at most: a handful of trucks they follow. */
export const FAVORITES_PER_PERSON = 3;
/** Grid cells of 0.01° (about 1.1 km north–south) to find the vendors near a zone quickly. */
const CELL_DEGREES = 0.01;
const METERS_PER_DEGREE_LAT = 111_195;

const cellKey = (row: number, column: number) => `${row}:${column}`;
const rowOf = (lat: number) => Math.floor(lat / CELL_DEGREES);
const columnOf = (lng: number) => Math.floor(lng / CELL_DEGREES);

/** The vendors whose pitch is within `radiusMeters` of `center`, from a grid of their pitches. */
function within(
  grid: ReadonlyMap<string, BenchVendor[]>,
  center: GeoPoint,
  radiusMeters: number,
): BenchVendor[] {
  const dLat = radiusMeters / METERS_PER_DEGREE_LAT;
  const dLng = radiusMeters / (METERS_PER_DEGREE_LAT * Math.cos((center.lat * Math.PI) / 180));
  const found: BenchVendor[] = [];
  for (let row = rowOf(center.lat - dLat); row <= rowOf(center.lat + dLat); row += 1)
    for (let column = columnOf(center.lng - dLng); column <= columnOf(center.lng + dLng); column += 1)
      for (const vendor of grid.get(cellKey(row, column)) ?? [])
        if (greatCircleMeters(center, vendor.point) <= radiusMeters) found.push(vendor);
  return found;
}

/**
 * Which reporting vendors each alert zone's owner favorites: those whose pitch lies in one of the
 * person's alert circles, up to `FAVORITES_PER_PERSON`, so that some crossings are a favorite
 * coming near and go all the way to a notification, as the product means them to. Deterministic:
 * fences and vendors in their given order.
 */
export function favoritesInZones(
  fences: readonly GeofenceRecord[],
  reporting: readonly BenchVendor[],
): Map<string, string[]> {
  const grid = new Map<string, BenchVendor[]>();
  for (const vendor of reporting) {
    const key = cellKey(rowOf(vendor.point.lat), columnOf(vendor.point.lng));
    const cell = grid.get(key);
    if (cell) cell.push(vendor);
    else grid.set(key, [vendor]);
  }
  const favorites = new Map<string, string[]>();
  for (const fence of fences) {
    if (fence.kind !== "ALERT_ZONE" || fence.shape.type !== "CIRCLE") continue;
    const chosen = favorites.get(fence.ownerId) ?? [];
    if (chosen.length >= FAVORITES_PER_PERSON) continue;
    for (const vendor of within(grid, fence.shape.center, fence.shape.radiusMeters)) {
      if (chosen.length >= FAVORITES_PER_PERSON) break;
      if (!chosen.includes(vendor.id)) chosen.push(vendor.id);
    }
    if (chosen.length > 0) favorites.set(fence.ownerId, chosen);
  }
  return favorites;
}
