import { type GeoPoint, greatCircleMeters } from "@venta/geo";
import { badUserInput, MAX_RADIUS_METERS, validPoint } from "@venta/kit";
import { ringAreaSquareMeters, ringSelfIntersects, shapeBoxes } from "./geofence.geometry.js";
import type { CircleShape, GeofenceShape, PolygonShape } from "./geofence.record.js";

/** Below this a circle is smaller than a phone's usual fix error: it would flicker in and out. */
export const MIN_RADIUS_METERS = 10;
/** A zone as large as the largest circle: a search area beyond 50 km means nothing for street food. */
export const MAX_AREA_SQUARE_METERS = Math.PI * MAX_RADIUS_METERS ** 2;
/** Smaller than a parking space: too small for any fix to land in reliably. */
export const MIN_AREA_SQUARE_METERS = 100;
/** No side of a polygon's bounding box may be longer than the largest circle is wide. */
export const MAX_EXTENT_METERS = 2 * MAX_RADIUS_METERS;
export const MAX_POLYGON_VERTICES = 100;
/** Fences stay off the polar caps, where boxes and straight edges in degrees stop meaning much. */
export const MAX_FENCE_LATITUDE = 85;
export const MAX_NAME_LENGTH = 80;

export function validFenceName(name: string, field = "name"): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > MAX_NAME_LENGTH)
    throw badUserInput(`${field} must hold 1 to ${MAX_NAME_LENGTH} characters`, field);
  return trimmed;
}

export function validFencePoint(point: GeoPoint, field: string): GeoPoint {
  const valid = validPoint(point, field);
  if (Math.abs(valid.lat) > MAX_FENCE_LATITUDE)
    throw badUserInput(
      `${field}.lat must be between -${MAX_FENCE_LATITUDE} and ${MAX_FENCE_LATITUDE} for a geofence`,
      `${field}.lat`,
    );
  return valid;
}

export function validCircle(center: GeoPoint, radiusMeters: number, field: string): CircleShape {
  if (!Number.isFinite(radiusMeters) || radiusMeters < MIN_RADIUS_METERS || radiusMeters > MAX_RADIUS_METERS)
    throw badUserInput(
      `${field}.radiusMeters must be from ${MIN_RADIUS_METERS} to ${MAX_RADIUS_METERS}`,
      `${field}.radiusMeters`,
    );
  return { type: "CIRCLE", center: validFencePoint(center, `${field}.center`), radiusMeters };
}

/**
 * A simple ring of 3 to 100 vertices. A ring given closed (last vertex repeating the first) is taken
 * as is; an open one is closed by its last edge. Repeated consecutive vertices count once.
 */
export function validPolygon(vertices: readonly GeoPoint[], field: string): PolygonShape {
  const ring: GeoPoint[] = [];
  for (const [i, vertex] of vertices.entries()) {
    const point = validFencePoint(vertex, `${field}.${i}`);
    const last = ring.at(-1);
    if (!last || last.lat !== point.lat || last.lng !== point.lng) ring.push(point);
  }
  const first = ring[0];
  const last = ring.at(-1);
  if (ring.length > 1 && first && last && first.lat === last.lat && first.lng === last.lng) ring.pop();
  if (ring.length < 3 || ring.length > MAX_POLYGON_VERTICES)
    throw badUserInput(`${field} must have 3 to ${MAX_POLYGON_VERTICES} distinct vertices`, field);
  const [box] = shapeBoxes({ type: "POLYGON", ring });
  if (!box) throw badUserInput(`${field} has no extent`, field);
  // Edges are straight in degrees: one spanning half the globe would not go where a map draws it.
  if (box.east - box.west > 180)
    throw badUserInput(`${field} must not cross the antimeridian; split it in two`, field);
  const middle = (box.south + box.north) / 2;
  const height = greatCircleMeters({ lat: box.south, lng: box.west }, { lat: box.north, lng: box.west });
  const width = greatCircleMeters({ lat: middle, lng: box.west }, { lat: middle, lng: box.east });
  if (height > MAX_EXTENT_METERS || width > MAX_EXTENT_METERS)
    throw badUserInput(`${field} must fit within ${MAX_EXTENT_METERS / 1000} km in each direction`, field);
  if (ringSelfIntersects(ring))
    throw badUserInput(`${field} must not cross or touch itself: list its vertices around the edge`, field);
  const area = ringAreaSquareMeters(ring);
  if (area < MIN_AREA_SQUARE_METERS || area > MAX_AREA_SQUARE_METERS)
    throw badUserInput(
      `${field} must cover ${MIN_AREA_SQUARE_METERS} m² to ${Math.round(MAX_AREA_SQUARE_METERS / 1e6)} km²`,
      field,
    );
  return { type: "POLYGON", ring };
}

/** Exactly one of a circle and a polygon. */
export function validShape(
  area: { circle?: { center: GeoPoint; radiusMeters: number } | null; polygon?: GeoPoint[] | null },
  field: string,
): GeofenceShape {
  const { circle, polygon } = area;
  if (circle && polygon) throw badUserInput(`${field} takes a circle or a polygon, not both`, field);
  if (circle) return validCircle(circle.center, circle.radiusMeters, `${field}.circle`);
  if (polygon) return validPolygon(polygon, `${field}.polygon`);
  throw badUserInput(`${field} needs a circle or a polygon`, field);
}
