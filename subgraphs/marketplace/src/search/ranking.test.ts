import { describe, expect, it } from "vitest";
import {
  bayesianRating,
  byScoreThenId,
  FRESHNESS_HALF_LIFE_MS,
  freshness,
  proximity,
  RANKING_WEIGHTS,
  searchScore,
} from "./ranking.js";
import type { SearchCandidate } from "./search.record.js";

const NOW = new Date(Date.UTC(2026, 0, 10, 12));
const LIVE_MS = 120_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const context = { radiusMeters: 5000, asOf: NOW, liveWindowMs: LIVE_MS };

const candidate = (overrides: Partial<SearchCandidate>): SearchCandidate => ({
  vendorId: "v",
  relevance: 1,
  distanceMeters: 1000,
  recordedAt: ago(60_000),
  ratingAverage: null,
  ratingCount: 0,
  ...overrides,
});

describe("the ranking blend", () => {
  it("weights sum to one", () => {
    const sum = Object.values(RANKING_WEIGHTS).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it("pulls few reviews towards the prior and many towards their average", () => {
    expect(bayesianRating(null, 0)).toBe(3.5);
    expect(bayesianRating(5, 1)).toBeCloseTo((5 * 3.5 + 5) / 6, 12);
    expect(bayesianRating(5, 1)).toBeLessThan(bayesianRating(4.8, 50));
    expect(bayesianRating(1, 200)).toBeLessThan(1.1);
  });

  it("decays distance over the radius and freshness past the live window", () => {
    expect(proximity(0, 5000)).toBe(1);
    expect(proximity(1250, 5000)).toBeCloseTo(0.5, 12);
    expect(proximity(5000, 5000)).toBeCloseTo(1 / 16, 12);
    expect(freshness(ago(LIVE_MS), NOW, LIVE_MS)).toBe(1);
    expect(freshness(ago(LIVE_MS + FRESHNESS_HALF_LIFE_MS), NOW, LIVE_MS)).toBeCloseTo(0.5, 12);
    expect(freshness(null, NOW, LIVE_MS)).toBe(0);
  });

  it("ranks a closer, fresher, better-rated vendor above an equal text match", () => {
    const near = candidate({ vendorId: "z-near", distanceMeters: 150 });
    const far = candidate({ vendorId: "a-far", distanceMeters: 3500 });
    const fresh = candidate({ vendorId: "z-fresh", recordedAt: ago(30_000) });
    const stale = candidate({ vendorId: "a-stale", recordedAt: ago(3 * 3600_000) });
    const loved = candidate({ vendorId: "z-loved", ratingAverage: 4.8, ratingCount: 40 });
    const unknown = candidate({ vendorId: "a-unknown" });
    for (const [better, worse] of [
      [near, far],
      [fresh, stale],
      [loved, unknown],
    ] as const) {
      expect(searchScore(better, 1, context)).toBeGreaterThan(searchScore(worse, 1, context));
    }
  });

  it("lets text relevance lead: a far better match beats a closer, fresher vendor", () => {
    const strong = candidate({
      vendorId: "strong",
      relevance: 10,
      distanceMeters: 4000,
      recordedAt: ago(86_400_000),
    });
    const weak = candidate({
      vendorId: "weak",
      relevance: 2,
      distanceMeters: 0,
      ratingAverage: 5,
      ratingCount: 100,
    });
    expect(searchScore(strong, 10, context)).toBeGreaterThan(searchScore(weak, 10, context));
  });

  it("scores without a point on text, rating and freshness alone", () => {
    const score = searchScore(candidate({ distanceMeters: null }), 1, {
      ...context,
      radiusMeters: undefined,
    });
    expect(score).toBeCloseTo(
      RANKING_WEIGHTS.text + RANKING_WEIGHTS.rating * 0.625 + RANKING_WEIGHTS.freshness,
      6,
    );
  });

  it("orders by score, then vendor id", () => {
    const list = [
      { vendorId: "b", score: 0.5 },
      { vendorId: "a", score: 0.5 },
      { vendorId: "c", score: 0.9 },
    ];
    expect(list.sort(byScoreThenId).map((r) => r.vendorId)).toEqual(["c", "a", "b"]);
  });
});
