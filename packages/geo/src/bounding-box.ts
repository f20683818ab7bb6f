import { EARTH_RADIUS_METERS, type GeoPoint } from "./great-circle.js";

/** An axis-aligned box in degrees that never crosses the antimeridian (west <= east). */
export interface BoundingBox {
  readonly south: number;
  readonly west: number;
  readonly north: number;
  readonly east: number;
}

const DEG = 180 / Math.PI;

/**
 * The smallest set of boxes that contains every point within `radiusMeters` of `center`.
 *
 * The longitude half-width is the exact extent of a spherical cap (asin(sin r / cos lat)), not the
 * common r / cos(lat) approximation, which under-covers at high latitudes. A cap that reaches a pole
 * spans every longitude; one that crosses the antimeridian is split in two.
 */
export function boxesAround(center: GeoPoint, radiusMeters: number): BoundingBox[] {
  const angular = radiusMeters / EARTH_RADIUS_METERS;
  const south = center.lat - angular * DEG;
  const north = center.lat + angular * DEG;
  if (north >= 90 || south <= -90) {
    return [{ south: Math.max(south, -90), west: -180, north: Math.min(north, 90), east: 180 }];
  }
  const halfWidth = Math.asin(Math.min(1, Math.sin(angular) / Math.cos(center.lat / DEG))) * DEG;
  const west = center.lng - halfWidth;
  const east = center.lng + halfWidth;
  if (west < -180) {
    return [
      { south, west: west + 360, north, east: 180 },
      { south, west: -180, north, east },
    ];
  }
  if (east > 180) {
    return [
      { south, west, north, east: 180 },
      { south, west: -180, north, east: east - 360 },
    ];
  }
  return [{ south, west, north, east }];
}
