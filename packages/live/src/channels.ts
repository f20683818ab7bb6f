import { type BoundingBox, type GeoPoint } from "@venta/geo";
import {
  getHexagonAreaAvg,
  latLngToCell,
  POLYGON_TO_CELLS_FLAGS,
  polygonToCellsExperimental,
  UNITS,
} from "h3-js";
import { areaBoxes, type LiveArea } from "./area.js";

/**
 * Updates are published to the H3 cells their positions fall in, at a fine and a coarse
 * resolution (about 5 km² and 250 km² per cell): a street-level viewport watches a few fine cells,
 * a city-wide one a few coarse cells, and nobody watches thousands.
 */
export const RESOLUTIONS = { fine: 7, coarse: 5 } as const;
const MAX_FINE_CELLS = 48;

export const cellChannel = (cell: string) => `cell:${cell}`;
export const vendorChannel = (vendorId: string) => `vendor:${vendorId}`;

/** Every channel an update at `point` is published on. */
export function channelsAt(point: GeoPoint): string[] {
  return [
    cellChannel(latLngToCell(point.lat, point.lng, RESOLUTIONS.fine)),
    cellChannel(latLngToCell(point.lat, point.lng, RESOLUTIONS.coarse)),
  ];
}

function cellsOverlapping(box: BoundingBox, resolution: number): string[] {
  const ring = [
    [box.south, box.west],
    [box.south, box.east],
    [box.north, box.east],
    [box.north, box.west],
  ];
  return polygonToCellsExperimental(ring, resolution, POLYGON_TO_CELLS_FLAGS.containmentOverlapping);
}

const FINE_CELL_KM2 = getHexagonAreaAvg(RESOLUTIONS.fine, UNITS.km2);
const KM_PER_DEGREE = 111.32;

/** A box's area in km², near enough to count the cells that tile it. */
function boxKm2(box: BoundingBox): number {
  const midLat = ((box.south + box.north) / 2) * (Math.PI / 180);
  const east = box.east >= box.west ? box.east : box.east + 360;
  return (box.north - box.south) * KM_PER_DEGREE * (east - box.west) * KM_PER_DEGREE * Math.cos(midLat);
}

/**
 * Whether `boxes` are small enough to watch at the fine resolution. Decided from their area before
 * any cell is listed: the largest viewport holds about 8,000 fine cells, and listing them only to
 * throw them away cost 9 ms of the event loop per subscription, a stall a flood of them could hold.
 */
export function watchesFineCells(boxes: readonly BoundingBox[]): boolean {
  const km2 = boxes.reduce((sum, box) => sum + boxKm2(box), 0);
  return km2 / FINE_CELL_KM2 <= MAX_FINE_CELLS;
}

/** The channels that carry every update a subscriber of `area` may need. */
export function channelsFor(area: LiveArea): string[] {
  if (area.kind === "vendors") return [...area.vendorIds].map(vendorChannel);
  const boxes = areaBoxes(area);
  // The cells overlapping an area's edge add a fringe the estimate leaves out: counted, at most a
  // few dozen fine cells are listed before the coarse ones are chosen after all.
  const fine = watchesFineCells(boxes) ? boxes.flatMap((box) => cellsOverlapping(box, RESOLUTIONS.fine)) : [];
  const cells =
    fine.length > 0 && fine.length <= MAX_FINE_CELLS
      ? fine
      : boxes.flatMap((box) => cellsOverlapping(box, RESOLUTIONS.coarse));
  return [...new Set(cells)].map(cellChannel);
}
