import { destinationPoint, type GeoPoint, greatCircleMeters } from "@venta/geo";
import { describe, expect, it } from "vitest";
import { coveringArea } from "./covering-area.js";
import {
  fenceGeometry,
  flatRing,
  geometryEdge,
  geometryHolds,
  ringAreaSquareMeters,
  ringContains,
  ringEdgeMeters,
  ringSelfIntersects,
  shapeBoxes,
  shapeCenter,
  shapeContains,
} from "./geofence.geometry.js";
import type { GeofenceShape } from "./geofence.record.js";

const AUSTIN: GeoPoint = { lat: 30.2672, lng: -97.7431 };
/** A square of 0.01° by 0.01°, its south-west corner at (30, -97). */
const SQUARE: GeoPoint[] = [
  { lat: 30, lng: -97 },
  { lat: 30, lng: -96.99 },
  { lat: 30.01, lng: -96.99 },
  { lat: 30.01, lng: -97 },
];
const inSquare = (p: GeoPoint) => ringContains(flatRing(SQUARE), p);

describe("circle membership", () => {
  const circle: GeofenceShape = { type: "CIRCLE", center: AUSTIN, radiusMeters: 250 };

  it("holds a point on the rim and drops one a centimetre beyond it", () => {
    for (const bearing of [0, 90, 180, 270, 33]) {
      const rim = destinationPoint(AUSTIN, bearing, 250 - 1e-6);
      const beyond = destinationPoint(AUSTIN, bearing, 250.01);
      expect(shapeContains(circle, rim)).toBe(true);
      expect(shapeContains(circle, beyond)).toBe(false);
    }
  });

  it("boxes a circle on the antimeridian in two, covering both sides", () => {
    const center = { lat: -17, lng: 179.999 };
    const boxes = shapeBoxes({ type: "CIRCLE", center, radiusMeters: 2000 });
    expect(boxes).toHaveLength(2);
    for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315]) {
      const p = destinationPoint(center, bearing, 1999);
      expect(
        boxes.some((b) => p.lat >= b.south && p.lat <= b.north && p.lng >= b.west && p.lng <= b.east),
      ).toBe(true);
    }
  });
});

describe("polygon membership", () => {
  it("holds points inside and on edges and vertices, not just outside", () => {
    expect(inSquare({ lat: 30.005, lng: -96.995 })).toBe(true);
    expect(inSquare({ lat: 30, lng: -96.995 })).toBe(true);
    expect(inSquare({ lat: 30.005, lng: -96.99 })).toBe(true);
    expect(inSquare({ lat: 30.01, lng: -97 })).toBe(true);
    expect(inSquare({ lat: 29.99999, lng: -96.995 })).toBe(false);
    expect(inSquare({ lat: 30.005, lng: -96.98999 })).toBe(false);
    expect(inSquare({ lat: 30.02, lng: -97.02 })).toBe(false);
  });

  it("keeps a concave ring's notch outside", () => {
    // A U: the square without the middle of its top.
    const u: GeoPoint[] = [
      { lat: 0, lng: 0 },
      { lat: 0, lng: 3 },
      { lat: 3, lng: 3 },
      { lat: 3, lng: 2 },
      { lat: 1, lng: 2 },
      { lat: 1, lng: 1 },
      { lat: 3, lng: 1 },
      { lat: 3, lng: 0 },
    ];
    const ring = flatRing(u);
    expect(ringContains(ring, { lat: 2, lng: 1.5 })).toBe(false);
    expect(ringContains(ring, { lat: 2, lng: 0.5 })).toBe(true);
    expect(ringContains(ring, { lat: 2, lng: 2.5 })).toBe(true);
    expect(ringContains(ring, { lat: 0.5, lng: 1.5 })).toBe(true);
    // A ray through the notch's vertices must not flip the answer.
    expect(ringContains(ring, { lat: 1, lng: 0.5 })).toBe(true);
    expect(ringContains(ring, { lat: 3, lng: 1.5 })).toBe(false);
  });
});

describe("the exit margin", () => {
  it("grows a circle by the margin", () => {
    const circle = fenceGeometry({ type: "CIRCLE", center: AUSTIN, radiusMeters: 100 });
    expect(geometryHolds(circle, destinationPoint(AUSTIN, 45, 119.9), 20)).toBe(true);
    expect(geometryHolds(circle, destinationPoint(AUSTIN, 45, 120.1), 20)).toBe(false);
  });

  it("measures a point's distance to a ring's nearest edge", () => {
    const south = { lat: 30, lng: -96.995 };
    expect(ringEdgeMeters(flatRing(SQUARE), destinationPoint(south, 180, 15))).toBeCloseTo(15, 1);
    expect(ringEdgeMeters(flatRing(SQUARE), { lat: 30.005, lng: -96.995 })).toBeCloseTo(
      greatCircleMeters({ lat: 30.005, lng: -96.995 }, { lat: 30.005, lng: -96.99 }),
      0,
    );
    // Past a corner, the distance is to the corner itself.
    const corner = SQUARE[0] as GeoPoint;
    const beyond = destinationPoint(corner, 225, 12);
    expect(ringEdgeMeters(flatRing(SQUARE), beyond)).toBeCloseTo(12, 1);
    const polygon = fenceGeometry({ type: "POLYGON", ring: SQUARE });
    expect(geometryHolds(polygon, beyond, 20)).toBe(true);
    expect(geometryHolds(polygon, beyond, 10)).toBe(false);
  });
});

describe("geometryEdge", () => {
  it("tells inside or out, and the distance to the edge either way", () => {
    const circle = fenceGeometry({ type: "CIRCLE", center: AUSTIN, radiusMeters: 100 });
    const inner = geometryEdge(circle, destinationPoint(AUSTIN, 10, 70));
    expect(inner.inside).toBe(true);
    expect(inner.edgeMeters).toBeCloseTo(30, 6);
    const outer = geometryEdge(circle, destinationPoint(AUSTIN, 10, 130));
    expect(outer).toMatchObject({ inside: false });
    expect(outer.edgeMeters).toBeCloseTo(30, 6);
    const square = geometryEdge(fenceGeometry({ type: "POLYGON", ring: SQUARE }), {
      lat: 30.005,
      lng: -96.995,
    });
    expect(square.inside).toBe(true);
    expect(square.edgeMeters).toBeCloseTo(
      greatCircleMeters({ lat: 30.005, lng: -96.995 }, { lat: 30.005, lng: -96.99 }),
      0,
    );
  });
});

describe("ring checks", () => {
  it("finds crossing and folded edges, and passes a simple ring", () => {
    const bowTie = [SQUARE[0], SQUARE[2], SQUARE[1], SQUARE[3]] as GeoPoint[];
    expect(ringSelfIntersects(bowTie)).toBe(true);
    expect(ringSelfIntersects(SQUARE)).toBe(false);
    const folded = [
      { lat: 0, lng: 0 },
      { lat: 0, lng: 2 },
      { lat: 0, lng: 1 },
      { lat: 1, lng: 1 },
    ];
    expect(ringSelfIntersects(folded)).toBe(true);
    // Two edges touching at a vertex that is not shared by neighbours.
    const touching = [
      { lat: 0, lng: 0 },
      { lat: 0, lng: 4 },
      { lat: 2, lng: 2 },
      { lat: 4, lng: 4 },
      { lat: 4, lng: 0 },
      { lat: 2, lng: 2 },
    ];
    expect(ringSelfIntersects(touching)).toBe(true);
  });

  it("measures a ring's area in square meters", () => {
    const side = greatCircleMeters({ lat: 30.005, lng: -97 }, { lat: 30.005, lng: -96.99 });
    const height = greatCircleMeters({ lat: 30, lng: -97 }, { lat: 30.01, lng: -97 });
    expect(ringAreaSquareMeters(SQUARE) / (side * height)).toBeCloseTo(1, 3);
  });

  it("centres a circle on its centre and a polygon on its centroid", () => {
    expect(shapeCenter({ type: "CIRCLE", center: AUSTIN, radiusMeters: 10 })).toEqual(AUSTIN);
    const center = shapeCenter({ type: "POLYGON", ring: SQUARE });
    expect(center.lat).toBeCloseTo(30.005, 9);
    expect(center.lng).toBeCloseTo(-96.995, 9);
  });
});

describe("coveringArea", () => {
  it("closes each ring and reaches past every side of its box", () => {
    const box = { south: 30, west: -97.5, north: 30.5, east: -96.5 };
    const [polygon] = coveringArea([box]).coordinates;
    const ring = polygon?.[0] ?? [];
    expect(ring[0]).toEqual(ring.at(-1));
    const lngs = ring.map(([lng]) => lng);
    const lats = ring.map(([, lat]) => lat);
    expect(Math.min(...lngs)).toBeLessThan(box.west);
    expect(Math.max(...lngs)).toBeGreaterThan(box.east);
    expect(Math.min(...lats)).toBeLessThan(box.south);
    expect(Math.max(...lats)).toBeGreaterThan(box.north);
    // Parallels are cut into short edges, so great circles between vertices stay near them.
    expect(ring.length).toBeGreaterThan(8);
  });
});
