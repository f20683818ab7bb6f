/** A WGS84 position in degrees. */
export interface GeoPoint {
  readonly lat: number;
  readonly lng: number;
}

/**
 * IUGG mean Earth radius. Every distance the product reports uses it, so both stores and every
 * client see the same number for the same pair of points.
 */
export const EARTH_RADIUS_METERS = 6_371_008.8;

const RAD = Math.PI / 180;

/** Great-circle distance by the haversine formula, stable for the short distances we care about. */
export function greatCircleMeters(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The point reached by travelling `meters` from `from` on the initial bearing (degrees from north). */
export function destinationPoint(from: GeoPoint, bearingDegrees: number, meters: number): GeoPoint {
  const angular = meters / EARTH_RADIUS_METERS;
  const bearing = bearingDegrees * RAD;
  const lat1 = from.lat * RAD;
  const lng1 = from.lng * RAD;
  const lat2 = Math.asin(
    Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing),
  );
  const lng2 =
    lng1 +
    Math.atan2(
      Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1),
      Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2),
    );
  return { lat: lat2 / RAD, lng: normalizeLng(lng2 / RAD) };
}

/** The initial bearing (degrees clockwise from north, 0 to below 360) of the great circle from `from` to `to`. */
export function initialBearing(from: GeoPoint, to: GeoPoint): number {
  const lat1 = from.lat * RAD;
  const lat2 = to.lat * RAD;
  const dLng = (to.lng - from.lng) * RAD;
  const y = Math.sin(dLng) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLng);
  return (((Math.atan2(y, x) / RAD) % 360) + 360) % 360;
}

/** Wraps a longitude into [-180, 180). */
export function normalizeLng(lng: number): number {
  return ((((lng + 180) % 360) + 360) % 360) - 180;
}

export function isValidLat(lat: number): boolean {
  return Number.isFinite(lat) && lat >= -90 && lat <= 90;
}

export function isValidLng(lng: number): boolean {
  return Number.isFinite(lng) && lng >= -180 && lng <= 180;
}
