import { type BoundingBox, type GeoPoint } from "@venta/geo";
import { latLngToCell, POLYGON_TO_CELLS_FLAGS, polygonToCellsExperimental } from "h3-js";
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

/** The channels that carry every update a subscriber of `area` may need. */
export function channelsFor(area: LiveArea): string[] {
  if (area.kind === "vendors") return [...area.vendorIds].map(vendorChannel);
  const boxes = areaBoxes(area);
  const fine = boxes.flatMap((box) => cellsOverlapping(box, RESOLUTIONS.fine));
  const cells =
    fine.length <= MAX_FINE_CELLS ? fine : boxes.flatMap((box) => cellsOverlapping(box, RESOLUTIONS.coarse));
  return [...new Set(cells)].map(cellChannel);
}
