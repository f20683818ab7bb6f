import { describe, expect, it } from "vitest";
import { pickMovers, pickSpreadMovers, watchedBoxes, watchersOf, wigglePoint } from "./movers.js";
import { routerOfSubscription, shareSubscriptions } from "./router-split.js";
import { Watchers } from "./watchers.js";

describe("Watchers", () => {
  it("counts what a check of every box counts, split by router", () => {
    const movers = pickMovers(100_000, 2026, 200);
    const boxes = watchedBoxes(movers, 10_000, 2026);
    const shares = shareSubscriptions(10_000, 2, 100);
    const watchers = new Watchers(boxes, movers.length, 2, routerOfSubscription(shares));
    for (const m of [0, 57, 199]) {
      const origin = movers[m]?.origin ?? { lat: 0, lng: 0 };
      const previous = wigglePoint(origin, 3);
      const next = wigglePoint(origin, 4);
      const perRouter = watchers.of(m, previous, next);
      expect(perRouter).toEqual([25, 25]);
      expect(perRouter.reduce((sum, n) => sum + n, 0)).toBe(watchersOf(boxes, previous, next));
    }
  });

  it("counts nobody for a move far from the mover's boxes", () => {
    const movers = pickMovers(100_000, 2026, 10);
    const watchers = new Watchers(watchedBoxes(movers, 100, 2026), movers.length, 1, () => 0);
    expect(watchers.of(0, { lat: 0, lng: 0 }, { lat: 0, lng: 0.001 })).toEqual([0]);
  });

  it("holds for the rate figures' movers: each update reaches exactly its own mover's boxes", () => {
    const movers = pickSpreadMovers(100_000, 2026, 2_000);
    const boxes = watchedBoxes(movers, 10_000, 2026);
    const watchers = new Watchers(boxes, movers.length, 1, () => 0);
    // Every 97th mover, against every box: checking all 2,000 would be 20 million tests.
    for (let m = 0; m < movers.length; m += 97) {
      const origin = movers[m]?.origin ?? { lat: 0, lng: 0 };
      const previous = wigglePoint(origin, 1);
      const next = wigglePoint(origin, 2);
      expect(watchers.of(m, previous, next)).toEqual([watchersOf(boxes, previous, next)]);
      expect(watchersOf(boxes, previous, next)).toBe(10_000 / 2_000);
    }
  });
});
