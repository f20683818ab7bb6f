import {
  type BoundingBox,
  boxesAround,
  EARTH_RADIUS_METERS,
  type GeoPoint,
  greatCircleMeters,
} from "@venta/geo";
import type { GeofenceShape } from "./geofence.record.js";

const RAD = Math.PI / 180;

/** Meters in a degree of latitude (and of longitude at the equator), on the mean Earth. */
const METERS_PER_DEGREE = EARTH_RADIUS_METERS * RAD;

/**
 * Boxes that together hold the whole shape grown by `marginMeters`, none crossing the antimeridian:
 * what the spatial indexes store, so that a point's look-up finds every fence that may contain it.
 */
export function shapeBoxes(shape: GeofenceShape, marginMeters = 0): BoundingBox[] {
  if (shape.type === "CIRCLE") return boxesAround(shape.center, shape.radiusMeters + marginMeters);
  let south = Number.POSITIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  let west = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  for (const { lat, lng } of shape.ring) {
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    west = Math.min(west, lng);
    east = Math.max(east, lng);
  }
  const dLat = marginMeters / METERS_PER_DEGREE;
  const dLng =
    marginMeters / (METERS_PER_DEGREE * Math.cos(Math.max(Math.abs(south), Math.abs(north)) * RAD));
  return [{ south: south - dLat, west: west - dLng, north: north + dLat, east: east + dLng }];
}

/**
 * A shape as the exact tests read it: a circle's centre and radius, or a polygon's flat ring. Built
 * once per fence, not per test.
 */
export interface FenceGeometry {
  /** A circle's centre; null for a polygon. */
  center: GeoPoint | null;
  radius: number;
  /** A polygon's flat ring (latitude, longitude of each vertex); null for a circle. */
  ring: Float64Array | null;
}

export const fenceGeometry = (shape: GeofenceShape): FenceGeometry =>
  shape.type === "CIRCLE"
    ? { center: shape.center, radius: shape.radiusMeters, ring: null }
    : { center: null, radius: 0, ring: flatRing(shape.ring) };

/** Whether the geometry holds the point: great-circle distance for a circle, the ring for a polygon; edges count. */
export function geometryContains(geometry: FenceGeometry, point: GeoPoint): boolean {
  if (geometry.center) return greatCircleMeters(geometry.center, point) <= geometry.radius;
  return geometry.ring !== null && ringContains(geometry.ring, point);
}

/** Whether the geometry grown by `marginMeters` holds the point. */
export function geometryHolds(geometry: FenceGeometry, point: GeoPoint, marginMeters: number): boolean {
  if (geometry.center) return greatCircleMeters(geometry.center, point) <= geometry.radius + marginMeters;
  return (
    geometry.ring !== null &&
    (ringContains(geometry.ring, point) || ringEdgeMeters(geometry.ring, point) <= marginMeters)
  );
}

/** Whether the geometry holds the point, and how far the point is from its edge (either side). */
export function geometryEdge(
  geometry: FenceGeometry,
  point: GeoPoint,
): { inside: boolean; edgeMeters: number } {
  if (geometry.center) {
    const distance = greatCircleMeters(geometry.center, point);
    return { inside: distance <= geometry.radius, edgeMeters: Math.abs(distance - geometry.radius) };
  }
  if (!geometry.ring) return { inside: false, edgeMeters: Number.POSITIVE_INFINITY };
  return { inside: ringContains(geometry.ring, point), edgeMeters: ringEdgeMeters(geometry.ring, point) };
}

/** Whether the shape holds the point; a point on the edge counts as inside. */
export const shapeContains = (shape: GeofenceShape, point: GeoPoint): boolean =>
  geometryContains(fenceGeometry(shape), point);

/**
 * Meters from the point to the nearest edge of a flat ring, on a plane tangent at the point: exact
 * enough over the few tens of meters it decides.
 */
export function ringEdgeMeters(ring: ArrayLike<number>, point: GeoPoint): number {
  const xScale = METERS_PER_DEGREE * Math.cos(point.lat * RAD);
  const n = ring.length / 2;
  let nearest = Number.POSITIVE_INFINITY;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const ax = ((ring[2 * j + 1] as number) - point.lng) * xScale;
    const ay = ((ring[2 * j] as number) - point.lat) * METERS_PER_DEGREE;
    const bx = ((ring[2 * i + 1] as number) - point.lng) * xScale;
    const by = ((ring[2 * i] as number) - point.lat) * METERS_PER_DEGREE;
    const dx = bx - ax;
    const dy = by - ay;
    const length = dx * dx + dy * dy;
    // The point is the origin: project it on the segment, clamped to its ends.
    const t = length === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length));
    nearest = Math.min(nearest, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return nearest;
}

/**
 * Where a notification measures from: a circle's centre, or a polygon's centroid (by area, in the
 * lat/lng plane its edges are straight in).
 */
export function shapeCenter(shape: GeofenceShape): GeoPoint {
  if (shape.type === "CIRCLE") return shape.center;
  const { ring } = shape;
  // Measured from the first vertex: products of raw degrees would cancel away the precision.
  const origin = ring[0] as GeoPoint;
  let twiceArea = 0;
  let lat = 0;
  let lng = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const aLat = (ring[j] as GeoPoint).lat - origin.lat;
    const aLng = (ring[j] as GeoPoint).lng - origin.lng;
    const bLat = (ring[i] as GeoPoint).lat - origin.lat;
    const bLng = (ring[i] as GeoPoint).lng - origin.lng;
    const step = aLng * bLat - bLng * aLat;
    twiceArea += step;
    lng += (aLng + bLng) * step;
    lat += (aLat + bLat) * step;
  }
  if (twiceArea === 0) {
    return {
      lat: ring.reduce((sum, p) => sum + p.lat, 0) / ring.length,
      lng: ring.reduce((sum, p) => sum + p.lng, 0) / ring.length,
    };
  }
  return { lat: origin.lat + lat / (3 * twiceArea), lng: origin.lng + lng / (3 * twiceArea) };
}

/** A ring as one array of coordinates, latitude then longitude of each vertex: how indexes store it. */
export function flatRing(ring: readonly GeoPoint[]): Float64Array {
  const flat = new Float64Array(ring.length * 2);
  for (const [i, { lat, lng }] of ring.entries()) {
    flat[2 * i] = lat;
    flat[2 * i + 1] = lng;
  }
  return flat;
}

/** Latitudes and longitudes nearer than this (about 0.1 µm) are the same, so edges are decided stably. */
const EDGE_EPSILON_DEGREES = 1e-12;

/**
 * Point in polygon by ray casting on latitude and longitude, the plane the ring's straight edges live
 * in, over a flat ring (see `flatRing`). Points on an edge or a vertex are inside: the crossing count
 * alone would split them by which side the rounding fell.
 */
export function ringContains(ring: ArrayLike<number>, point: GeoPoint): boolean {
  const { lat, lng } = point;
  const n = ring.length / 2;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const aLat = ring[2 * i] as number;
    const aLng = ring[2 * i + 1] as number;
    const bLat = ring[2 * j] as number;
    const bLng = ring[2 * j + 1] as number;
    if (onSegment(aLat, aLng, bLat, bLng, lat, lng)) return true;
    if (aLat > lat !== bLat > lat) {
      const lngAtLat = aLng + ((lat - aLat) * (bLng - aLng)) / (bLat - aLat);
      if (lng < lngAtLat) inside = !inside;
    }
  }
  return inside;
}

/** Twice the signed area of the triangle (a, b, c) in the lat/lng plane: its sign tells the turn. */
const turn = (aLat: number, aLng: number, bLat: number, bLng: number, cLat: number, cLng: number) =>
  (bLng - aLng) * (cLat - aLat) - (bLat - aLat) * (cLng - aLng);

const cross = (a: GeoPoint, b: GeoPoint, c: GeoPoint) => turn(a.lat, a.lng, b.lat, b.lng, c.lat, c.lng);

/** Whether p lies on the segment ab, within the edge tolerance. */
function onSegment(aLat: number, aLng: number, bLat: number, bLng: number, pLat: number, pLng: number) {
  if (
    pLat < Math.min(aLat, bLat) - EDGE_EPSILON_DEGREES ||
    pLat > Math.max(aLat, bLat) + EDGE_EPSILON_DEGREES ||
    pLng < Math.min(aLng, bLng) - EDGE_EPSILON_DEGREES ||
    pLng > Math.max(aLng, bLng) + EDGE_EPSILON_DEGREES
  ) {
    return false;
  }
  const length = Math.hypot(bLat - aLat, bLng - aLng);
  // The turn is the distance from the line times the segment's length.
  return (
    Math.abs(turn(aLat, aLng, bLat, bLng, pLat, pLng)) <=
    EDGE_EPSILON_DEGREES * Math.max(length, EDGE_EPSILON_DEGREES)
  );
}

const pointOnSegment = (a: GeoPoint, b: GeoPoint, p: GeoPoint) =>
  onSegment(a.lat, a.lng, b.lat, b.lng, p.lat, p.lng);

/** Whether segments ab and cd share a point (touching counts). */
function segmentsMeet(a: GeoPoint, b: GeoPoint, c: GeoPoint, d: GeoPoint): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    pointOnSegment(c, d, a) || pointOnSegment(c, d, b) || pointOnSegment(a, b, c) || pointOnSegment(a, b, d)
  );
}

/**
 * Whether two edges of the ring cross or touch, other than neighbours at their shared vertex: a ring
 * that does has no well-defined inside. Quadratic, which the vertex limit keeps to a few thousand tests.
 */
export function ringSelfIntersects(ring: readonly GeoPoint[]): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i += 1) {
    const a = ring[i] as GeoPoint;
    const b = ring[(i + 1) % n] as GeoPoint;
    for (let j = i + 1; j < n; j += 1) {
      const c = ring[j] as GeoPoint;
      const d = ring[(j + 1) % n] as GeoPoint;
      const neighbours = j === i + 1 || (i === 0 && j === n - 1);
      if (neighbours) {
        // Neighbours share one vertex; they may only meet there, so folding back onto each other counts.
        const shared = j === i + 1 ? b : a;
        const farA = j === i + 1 ? a : b;
        const farB = j === i + 1 ? d : c;
        if (pointOnSegment(shared, farA, farB) || pointOnSegment(shared, farB, farA)) return true;
        continue;
      }
      if (segmentsMeet(a, b, c, d)) return true;
    }
  }
  return false;
}

/**
 * The ring's area in square meters, on a plane tangent at its middle latitude: exact enough for the
 * city-sized areas fences are limited to, where it only decides whether an area is sane.
 */
export function ringAreaSquareMeters(ring: readonly GeoPoint[]): number {
  if (ring.length < 3) return 0;
  const middleLat = ring.reduce((sum, p) => sum + p.lat, 0) / ring.length;
  const x = (p: GeoPoint) => p.lng * RAD * EARTH_RADIUS_METERS * Math.cos(middleLat * RAD);
  const y = (p: GeoPoint) => p.lat * RAD * EARTH_RADIUS_METERS;
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as GeoPoint;
    const b = ring[j] as GeoPoint;
    twice += x(b) * y(a) - x(a) * y(b);
  }
  return Math.abs(twice) / 2;
}
