import { type BoundingBox, EARTH_RADIUS_METERS, type GeoPoint, greatCircleMeters } from "@venta/geo";

/**
 * Cells of a circle's bounding box, for counting index entries by the corner `(min_lat, min_lng)`
 * each lies in: every entry falls in exactly one cell (all bounds are half-open: lower <= x < upper).
 * Entries of an `inside` cell are all within the radius, so SQLite's R*Tree can count them without
 * handing a single row to JavaScript; the other cells' entries must be judged one by one.
 */
export interface CountCell extends BoundingBox {
  inside: boolean;
}

/** Latitude strips the box is cut into: more strips hug the circle closer but cost more queries. */
const STRIPS = 32;
/**
 * Widening of the box on every side, in degrees (about 11 m): an entry's stored corner is a float32
 * rounding below its position, so a vendor on the box's edge may keep its corner just outside.
 */
const PAD_DEGREES = 1e-4;
/**
 * How far an entry's box may reach past its corner, in degrees: two float32 steps at longitudes
 * up to 180° (2⁻¹⁶ each); an inside cell must hold the whole box of every entry cornered in it.
 */
const ENTRY_REACH_DEGREES = 2 ** -15;
/** Kept between an inside cell's farthest point and the radius, against rounding. */
const MARGIN_METERS = 1;

const DEG = 180 / Math.PI;

/**
 * The cells of the one box around `center` (see `boxesAround`), or null where the cells would be
 * wrong or useless: a box split at the antimeridian or reaching a pole, or a radius over 100 km,
 * past which a cell's farthest point need no longer be one of its corners.
 */
export function countCells(
  center: GeoPoint,
  radiusMeters: number,
  boxes: readonly BoundingBox[],
): CountCell[] | null {
  const [box] = boxes;
  if (!box || boxes.length !== 1 || radiusMeters > 100_000) return null;
  if (box.west <= -180 || box.east >= 180 || box.south <= -90 || box.north >= 90) return null;
  const south = box.south - PAD_DEGREES;
  const west = box.west - PAD_DEGREES;
  const north = box.north + PAD_DEGREES;
  const east = box.east + PAD_DEGREES;
  const step = (north - south) / STRIPS;
  const cells: CountCell[] = [];
  for (let strip = 0; strip < STRIPS; strip += 1) {
    const low = south + strip * step;
    const high = strip === STRIPS - 1 ? north : south + (strip + 1) * step;
    // Entries cornered beyond the outer half-width are out of reach and left out altogether.
    const outer = outsideHalfWidth(center, radiusMeters, low, high, box.east - center.lng);
    const outerWest = Math.max(west, center.lng - outer - ENTRY_REACH_DEGREES);
    const outerEast = Math.min(east, center.lng + outer);
    const half = insideHalfWidth(center, radiusMeters, low, high);
    if (half === null) {
      cells.push({ south: low, north: high, west: outerWest, east: outerEast, inside: false });
      continue;
    }
    const innerWest = Math.max(outerWest, center.lng - half);
    const innerEast = Math.min(outerEast, center.lng + half);
    cells.push(
      { south: low, north: high, west: outerWest, east: innerWest, inside: false },
      { south: low, north: high, west: innerWest, east: innerEast, inside: true },
      { south: low, north: high, west: innerEast, east: outerEast, inside: false },
    );
  }
  return cells;
}

/**
 * The largest half-width (degrees of longitude around the centre) such that every entry cornered
 * in the strip's middle cell lies within the radius, or null if there is none. Distance grows with
 * the longitude gap and, at a fixed gap, is convex in latitude over such short spans, so a cell's
 * farthest point is one of its corners: the corners are what is checked.
 */
function insideHalfWidth(center: GeoPoint, radiusMeters: number, low: number, high: number): number | null {
  const reachHigh = high + ENTRY_REACH_DEGREES;
  const target = radiusMeters - MARGIN_METERS;
  let half = Math.min(halfWidthAt(center, target, low), halfWidthAt(center, target, reachHigh));
  if (!(half > ENTRY_REACH_DEGREES)) return null;
  // The corner an entry can reach is `half` plus its own width past the cell: keep that inside.
  half -= ENTRY_REACH_DEGREES;
  // The corners sit on the circle `target` meters out, up to rounding: half the margin takes that.
  for (const lat of [low, reachHigh]) {
    const corner = { lat, lng: center.lng + half + ENTRY_REACH_DEGREES };
    if (greatCircleMeters(center, corner) > radiusMeters - MARGIN_METERS / 2) return null;
  }
  return half;
}

/**
 * A half-width (degrees of longitude around the centre) past which no point of the strip, nor of
 * an entry's box reaching beyond it, is within the radius. The circle is widest at one latitude
 * (a hair poleward of the centre); a strip spanning it gets the box's own half-width, any other
 * its width at the edge nearer that latitude (the width shrinks steadily away from it).
 */
function outsideHalfWidth(
  center: GeoPoint,
  radiusMeters: number,
  low: number,
  high: number,
  boxHalf: number,
): number {
  const reach = radiusMeters + MARGIN_METERS;
  const angular = reach / EARTH_RADIUS_METERS;
  const widest = Math.asin(Math.min(1, Math.sin(center.lat / DEG) / Math.cos(angular))) * DEG;
  const top = high + ENTRY_REACH_DEGREES;
  if (low <= Math.max(center.lat, widest) && top >= Math.min(center.lat, widest)) return boxHalf;
  const nearer = top < Math.min(center.lat, widest) ? top : low;
  return Math.min(boxHalf, halfWidthAt(center, reach, nearer));
}

/** The longitude gap (degrees) at which latitude `lat` is `meters` from `center`; 0 when none is. */
function halfWidthAt(center: GeoPoint, meters: number, lat: number): number {
  const angular = meters / EARTH_RADIUS_METERS;
  const dLat = (lat - center.lat) / DEG;
  const wanted = Math.sin(angular / 2) ** 2 - Math.sin(dLat / 2) ** 2;
  if (wanted <= 0) return 0;
  const across = Math.cos(center.lat / DEG) * Math.cos(lat / DEG);
  const s = Math.sqrt(wanted / across);
  return s >= 1 ? 180 : 2 * Math.asin(s) * DEG;
}
