import { AUSTIN } from "@venta/demo";
import { greatCircleMeters } from "@venta/geo";
import { describe, expect, it } from "vitest";
import {
  boxContains,
  nearMovers,
  pickMovers,
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

  it("counts the subscriptions an update reaches", () => {
    const origin = movers[3]?.origin ?? AUSTIN;
    expect(watchersOf(boxes, wigglePoint(origin, 1), wigglePoint(origin, 2))).toBe(1_000 / 200);
    expect(watchersOf(boxes, { lat: 0, lng: 0 }, { lat: 0, lng: 0.001 })).toBe(0);
  });
});
