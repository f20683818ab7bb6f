import { AUSTIN } from "@venta/demo";
import { greatCircleMeters } from "@venta/geo";
import { describe, expect, it } from "vitest";
import {
  boxContains,
  nearBoxesOf,
  nearMovers,
  pickMovers,
  pickSpreadMovers,
  WIGGLE_METERS,
  watchedBoxes,
  watchersOf,
  wigglePoint,
} from "./movers.js";

describe("the live figures' movers and boxes", () => {
  const movers = pickMovers(100_000, 2026, 200);
  const boxes = watchedBoxes(movers, 1_000, 2026);

  it("finds 200 distinct movers in the core, the same for the same seed", () => {
    expect(movers).toHaveLength(200);
    expect(new Set(movers.map((m) => m.id)).size).toBe(200);
    expect(pickMovers(100_000, 2026, 200)).toEqual(movers);
    for (const mover of movers) expect(nearMovers(mover.origin)).toBe(true);
  });

  it("gives each subscription a box of about a kilometer around its mover", () => {
    for (const { box } of boxes) {
      const side = greatCircleMeters({ lat: box.south, lng: box.west }, { lat: box.south, lng: box.east });
      expect(side).toBeGreaterThan(900);
      expect(side).toBeLessThan(1_100);
    }
  });

  it("keeps a mover inside its own boxes and out of every other box, wherever it wiggles", () => {
    let misplaced = 0;
    for (let m = 0; m < 20; m += 1) {
      const origin = movers[m]?.origin ?? AUSTIN;
      for (let step = 1; step <= 8; step += 1) {
        const point = wigglePoint(origin, step);
        expect(greatCircleMeters(origin, point)).toBeCloseTo(WIGGLE_METERS, 3);
        for (const watched of boxes)
          if (boxContains(watched.box, point) !== (watched.mover === m)) misplaced += 1;
      }
    }
    expect(misplaced).toBe(0);
  });

  it("spreads thousands of movers from downtown outwards, spaced as the core's, the same for the same seed", () => {
    const spread = pickSpreadMovers(100_000, 2026, 2_000);
    expect(spread).toHaveLength(2_000);
    expect(new Set(spread.map((m) => m.id)).size).toBe(2_000);
    expect(pickSpreadMovers(100_000, 2026, 2_000)).toEqual(spread);
    const distances = spread.map((m) => greatCircleMeters(AUSTIN, m.origin));
    // Nearest first: the first few hundred are downtown, the last ones well beyond the core.
    expect(distances[0]).toBeLessThan(1_000);
    expect(Math.max(...distances)).toBeGreaterThan(15_000);
    expect(Math.max(...distances)).toBeLessThan(30_000);
    // A city has room for only so many: asking for more gives what fits.
    expect(pickSpreadMovers(10_000, 2026, 50_000).length).toBeLessThan(50_000);
  });

  it("tells which points could lie in any box around a set of movers", () => {
    const near = nearBoxesOf(movers.slice(0, 5));
    for (const { mover, box } of boxes.filter((watched) => watched.mover < 5)) {
      expect(near({ lat: box.north, lng: box.east })).toBe(true);
      expect(near({ lat: box.south, lng: box.west })).toBe(true);
      expect(mover).toBeLessThan(5);
    }
    expect(near({ lat: 0, lng: 0 })).toBe(false);
    const origin = movers[0]?.origin ?? AUSTIN;
    expect(near({ lat: origin.lat + 0.01, lng: origin.lng })).toBe(false);
  });

  it("counts the subscriptions an update reaches", () => {
    const origin = movers[3]?.origin ?? AUSTIN;
    expect(watchersOf(boxes, wigglePoint(origin, 1), wigglePoint(origin, 2))).toBe(1_000 / 200);
    expect(watchersOf(boxes, { lat: 0, lng: 0 }, { lat: 0, lng: 0.001 })).toBe(0);
  });
});
