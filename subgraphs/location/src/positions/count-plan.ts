import { type BoundingBox, EARTH_RADIUS_METERS, type GeoPoint, greatCircleMeters } from "@venta/geo";
import { GRID_CELLS_PER_DEGREE, type GridRun, gridLine } from "./position-grid.js";

/**
 * How to count the index entries within a circle by the cell their lower corner `(min_lat,
 * min_lng)` lies in. `inside` runs of grid cells lie wholly within the radius: the position grid
 * counts their vendors without reading a single entry. The `edge` boxes along the circle's edge
 * hold the rest, to be judged one by one. Every entry that can be within the radius is cornered in
 * exactly one of them (all bounds are half-open: lower <= x < upper).
 */
export interface CountPlan {
  inside: GridRun[];
  edge: BoundingBox[];
}

/**
 * Latitude strips the box is cut into: more strips hug the circle closer (fewer edge entries to
 * judge) but cost an index query each. 48 gives two grid rows a strip at 5 km, the fastest measured.
 */
const STRIPS = 48;
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
 * The count plan of the one box around `center` (see `boxesAround`), or null where it would be
 * wrong or useless: a box split at the antimeridian or reaching a pole, or a radius over 100 km,
 * past which a cell's farthest point need no longer be one of its corners. Strips follow the grid's
 * rows, and each strip's inside part is narrowed to whole grid columns.
 */
export function countPlan(
  center: GeoPoint,
  radiusMeters: number,
  boxes: readonly BoundingBox[],
): CountPlan | null {
  const [box] = boxes;
  if (!box || boxes.length !== 1 || radiusMeters > 100_000) return null;
  if (box.west <= -180 || box.east >= 180 || box.south <= -90 || box.north >= 90) return null;
  const west = box.west - PAD_DEGREES;
  const east = box.east + PAD_DEGREES;
  const firstRow = gridLine(box.south - PAD_DEGREES);
  const endRow = gridLine(box.north + PAD_DEGREES) + 1;
  const rowsPerStrip = Math.max(1, Math.ceil((endRow - firstRow) / STRIPS));
  const plan: CountPlan = { inside: [], edge: [] };
  for (let row = firstRow; row < endRow; row += rowsPerStrip) {
    const stripEnd = Math.min(endRow, row + rowsPerStrip);
    const low = row / GRID_CELLS_PER_DEGREE;
    const high = stripEnd / GRID_CELLS_PER_DEGREE;
    // Entries cornered beyond the outer half-width are out of reach and left out altogether.
    const outer = outsideHalfWidth(center, radiusMeters, low, high, box.east - center.lng);
    const outerWest = Math.max(west, center.lng - outer - ENTRY_REACH_DEGREES);
    const outerEast = Math.min(east, center.lng + outer);
    const half = insideHalfWidth(center, radiusMeters, low, high);
    const fromCol =
      half === null ? 0 : Math.ceil(Math.max(outerWest, center.lng - half) * GRID_CELLS_PER_DEGREE);
    const toCol = half === null ? 0 : gridLine(Math.min(outerEast, center.lng + half));
    if (half === null || toCol <= fromCol) {
      if (outerEast > outerWest)
        plan.edge.push({ south: low, north: high, west: outerWest, east: outerEast });
      continue;
    }
    for (let r = row; r < stripEnd; r += 1) plan.inside.push([r, fromCol, toCol]);
    const innerWest = fromCol / GRID_CELLS_PER_DEGREE;
    const innerEast = toCol / GRID_CELLS_PER_DEGREE;
    if (innerWest > outerWest) plan.edge.push({ south: low, north: high, west: outerWest, east: innerWest });
    if (outerEast > innerEast) plan.edge.push({ south: low, north: high, west: innerEast, east: outerEast });
  }
  return plan;
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
