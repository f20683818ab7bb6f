import { describe, expect, it } from "vitest";
import { boxesAround } from "./bounding-box.js";
import { destinationPoint, greatCircleMeters, initialBearing } from "./great-circle.js";

describe("greatCircleMeters", () => {
  it("measures one degree of the equator as R·π/180", () => {
    expect(greatCircleMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBeCloseTo(111_195.08, 1);
    expect(greatCircleMeters({ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 })).toBeCloseTo(111_195.08, 1);
  });

  it("is zero for the same point and symmetric", () => {
    const a = { lat: 10, lng: 20 };
    const b = { lat: -5, lng: 179.5 };
    expect(greatCircleMeters(a, a)).toBe(0);
    expect(greatCircleMeters(a, b)).toBeCloseTo(greatCircleMeters(b, a), 6);
  });

  it("inverts destinationPoint", () => {
    const from = { lat: 30.2672, lng: -97.7431 };
    for (const bearing of [0, 45, 133, 270]) {
      const to = destinationPoint(from, bearing, 1234);
      expect(greatCircleMeters(from, to)).toBeCloseTo(1234, 3);
    }
  });
});

describe("initialBearing", () => {
  it("points the way destinationPoint went", () => {
    const from = { lat: 30.2672, lng: -97.7431 };
    for (const bearing of [0, 45, 133, 270, 359]) {
      const got = initialBearing(from, destinationPoint(from, bearing, 2500));
      // Compared on the circle: due north may come back as 359.999…
      expect(Math.abs(((got - bearing + 540) % 360) - 180)).toBeLessThan(1e-6);
    }
  });

  it("reads due east and due south on the equator", () => {
    expect(initialBearing({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBeCloseTo(90, 9);
    expect(initialBearing({ lat: 1, lng: 0 }, { lat: 0, lng: 0 })).toBeCloseTo(180, 9);
  });
});

describe("boxesAround", () => {
  const contains = (boxes: ReturnType<typeof boxesAround>, p: { lat: number; lng: number }) =>
    boxes.some((b) => p.lat >= b.south && p.lat <= b.north && p.lng >= b.west && p.lng <= b.east);

  it("covers every point on the circle, even at high latitude", () => {
    for (const center of [
      { lat: 30.2672, lng: -97.7431 },
      { lat: 78.2, lng: 15.6 },
      { lat: -60, lng: 0 },
    ]) {
      const boxes = boxesAround(center, 5000);
      for (let bearing = 0; bearing < 360; bearing += 7.5) {
        expect(contains(boxes, destinationPoint(center, bearing, 4999.99))).toBe(true);
      }
    }
  });

  it("splits a circle that crosses the antimeridian", () => {
    const boxes = boxesAround({ lat: 0, lng: 179.99 }, 5000);
    expect(boxes).toHaveLength(2);
    expect(contains(boxes, { lat: 0, lng: -179.98 })).toBe(true);
    expect(contains(boxes, { lat: 0, lng: 179.96 })).toBe(true);
  });

  it("spans every longitude when the circle reaches a pole", () => {
    const [box] = boxesAround({ lat: 89.99, lng: 10 }, 5000);
    expect(box).toMatchObject({ west: -180, east: 180, north: 90 });
  });
});
