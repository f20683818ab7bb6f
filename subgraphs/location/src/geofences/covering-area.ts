import type { BoundingBox } from "@venta/geo";

export interface GeoJsonMultiPolygon {
  type: "MultiPolygon";
  /** GeoJSON order: longitude first; each ring closed. */
  coordinates: [number, number][][][];
}

/**
 * Margin around each box, in degrees. MongoDB joins vertices by great circles, which bow poleward off
 * a parallel; with edges cut every `STEP_DEGREES` the bow is under 8 m, far inside this margin.
 */
const MARGIN_DEGREES = 0.001;
const STEP_DEGREES = 0.25;

/** Longitudes from west to east, at most `STEP_DEGREES` apart, both ends included. */
function along(west: number, east: number): number[] {
  const steps = Math.max(1, Math.ceil((east - west) / STEP_DEGREES));
  return Array.from({ length: steps + 1 }, (_, i) =>
    i === steps ? east : west + ((east - west) * i) / steps,
  );
}

/**
 * A GeoJSON area that holds the boxes: what MongoDB's 2dsphere index keeps for a fence, and what a
 * fence's search for vendors asks it about. It only narrows candidates; the exact shape test is ours,
 * the same on every store, so both adapters decide edges alike.
 */
export function coveringArea(boxes: readonly BoundingBox[]): GeoJsonMultiPolygon {
  // The two halves of an area split at the antimeridian would share that edge, which MongoDB refuses
  // in a multipolygon: each stops a hair (about 1 cm) short of it.
  const limit = boxes.length > 1 ? 180 - 1e-7 : 180;
  return {
    type: "MultiPolygon",
    coordinates: boxes.map((box) => {
      const south = Math.max(-89.9, box.south - MARGIN_DEGREES);
      const north = Math.min(89.9, box.north + MARGIN_DEGREES);
      const west = Math.max(-limit, box.west - MARGIN_DEGREES);
      const east = Math.min(limit, box.east + MARGIN_DEGREES);
      const lngs = along(west, east);
      const ring: [number, number][] = [
        ...lngs.map((lng): [number, number] => [lng, south]),
        ...lngs.toReversed().map((lng): [number, number] => [lng, north]),
      ];
      ring.push(ring[0] as [number, number]);
      return [ring];
    }),
  };
}
