import { type BoundingBox, boxesAround, type GeoPoint } from "@venta/geo";
import { BoundedCache } from "./bounded-cache.js";
import { EXIT_MARGIN_METERS } from "./fence-evaluation.js";

/**
 * How far around a vendor one look at its fences vouches for. The look searches the fence index this
 * far around the vendor, so it must reach past the exit margin (a fence the vendor is in and whose
 * box is farther away is left for sure).
 */
export const NEIGHBOURHOOD_METERS = 50;
if (NEIGHBOURHOOD_METERS < EXIT_MARGIN_METERS)
  throw new Error("a neighbourhood must reach past the exit margin");

/** Side of the cells that count fence changes, in degrees: about 11 km north to south. */
const CELL_DEGREES = 0.1;
const CELLS_PER_ROW = Math.round(360 / CELL_DEGREES);

const cellOf = (lat: number, lng: number): number =>
  Math.floor((Math.min(lat, 89.999) + 90) / CELL_DEGREES) * CELLS_PER_ROW +
  Math.min(CELLS_PER_ROW - 1, Math.floor((lng + 180) / CELL_DEGREES));

/** The cells a box overlaps. */
export function cellsOf(box: BoundingBox): number[] {
  const cells: number[] = [];
  const south = cellOf(box.south, box.west);
  const north = cellOf(box.north, box.west);
  const columns = cellOf(box.south, box.east) - south;
  for (let row = south; row <= north; row += CELLS_PER_ROW)
    for (let column = 0; column <= columns; column += 1) cells.push(row + column);
  return cells;
}

/** The cells within `NEIGHBOURHOOD_METERS` of a point. */
export const cellsAround = (point: GeoPoint): number[] =>
  boxesAround(point, NEIGHBOURHOOD_METERS).flatMap(cellsOf);

/**
 * What the last look at a vendor's fences found, kept so that the next report close by needs no look
 * at all: a parked vendor reports again and again from a few meters around the same spot.
 *
 * It holds while the vendor's stored position is still `point` (no report went elsewhere, in any
 * process, nor was rolled back), its listing is the same, and no fence changed near it: every change to fences or
 * memberships counts itself in the cells around the place it touched (`fence_cells` in the
 * database, so every process sees it), and the look noted those counts.
 */
export interface Neighbourhood {
  /** Where the vendor was looked at. */
  anchor: GeoPoint;
  /** Meters the vendor may be from `anchor` without any fence starting or stopping to hold it. */
  safeMeters: number;
  /** The vendor's position when the memo last spoke for it. */
  point: GeoPoint;
  listed: boolean;
  /** The fences the vendor is in (rows), and `fenced_vendors.seen_at`. */
  fences: Set<number>;
  seenAt: number | undefined;
  /** The change counts of the cells around `anchor` when it was looked at. */
  counts: Map<number, number>;
}

/** Whether the memo still speaks for a vendor whose stored position was `previous`. */
export function stillHolds(
  memo: Neighbourhood,
  previous: GeoPoint | null,
  listed: boolean,
  counts: ReadonlyMap<number, number>,
): boolean {
  if (!previous || previous.lat !== memo.point.lat || previous.lng !== memo.point.lng) return false;
  if (memo.listed !== listed) return false;
  for (const [cell, count] of memo.counts) if ((counts.get(cell) ?? 0) !== count) return false;
  return true;
}

/** The per-process memo of vendors' neighbourhoods, bounded: one lost costs one look. */
export class NeighbourhoodCache extends BoundedCache<string, Neighbourhood> {
  constructor(capacity = 100_000) {
    super(capacity);
  }
}
