import { describe, expect, it } from "vitest";
import { BoundedCache } from "./bounded-cache.js";
import { cellsAround, cellsOf, type Neighbourhood, stillHolds } from "./vendor-neighbourhoods.js";

const AUSTIN = { lat: 30.2672, lng: -97.7431 };

describe("neighbourhood cells", () => {
  it("covers a box with every cell it overlaps, and a point's surroundings with one to four", () => {
    expect(cellsOf({ south: 30.25, west: -97.75, north: 30.27, east: -97.73 })).toHaveLength(1);
    expect(cellsOf({ south: 30.05, west: -97.95, north: 30.25, east: -97.75 })).toHaveLength(9);
    expect(cellsAround(AUSTIN)).toHaveLength(1);
    // On a corner of four cells.
    expect(cellsAround({ lat: 30.2, lng: -97.7 })).toHaveLength(4);
    // Across the antimeridian, the cells on both sides.
    expect(cellsAround({ lat: -17.05, lng: 179.99999 })).toHaveLength(2);
  });
});

describe("a neighbourhood memo", () => {
  const memo: Neighbourhood = {
    anchor: AUSTIN,
    safeMeters: 20,
    point: AUSTIN,
    listed: true,
    fences: new Set([1]),
    seenAt: undefined,
    counts: new Map(cellsAround(AUSTIN).map((cell) => [cell, 3])),
  };
  const counts = new Map(memo.counts);

  it("holds while the stored position, the listing and the cells' changes are as it saw them", () => {
    expect(stillHolds(memo, AUSTIN, true, counts)).toBe(true);
    expect(stillHolds(memo, { lat: AUSTIN.lat, lng: AUSTIN.lng + 1e-9 }, true, counts)).toBe(false);
    expect(stillHolds(memo, null, true, counts)).toBe(false);
    expect(stillHolds(memo, AUSTIN, false, counts)).toBe(false);
    const changed = new Map([...counts].map(([cell, count]) => [cell, count + 1]));
    expect(stillHolds(memo, AUSTIN, true, changed)).toBe(false);
  });
});

describe("BoundedCache", () => {
  it("forgets its oldest entries when full, and keeps the newest", () => {
    const cache = new BoundedCache<number, string>(10);
    for (let n = 0; n < 11; n += 1) cache.set(n, `v${n}`);
    expect(cache.get(0)).toBeUndefined();
    expect(cache.get(1)).toBe("v1");
    expect(cache.get(10)).toBe("v10");
    cache.set(10, "again");
    expect(cache.get(1)).toBe("v1");
  });
});
