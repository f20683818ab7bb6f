import type { SearchCandidate } from "./search.record.js";

/** How much each signal counts in a search score; they sum to 1, so a score is between 0 and 1. */
export const RANKING_WEIGHTS = { text: 0.55, distance: 0.2, rating: 0.15, freshness: 0.1 } as const;

/**
 * The rating a vendor is assumed to have before its reviews say otherwise, and how many reviews that
 * assumption is worth: one 5-star review moves a vendor a little, fifty move it almost all the way.
 */
export const RATING_PRIOR = { mean: 3.5, reviews: 5 } as const;

/** Past the live window, a position's weight halves every this many milliseconds. */
export const FRESHNESS_HALF_LIFE_MS = 30 * 60_000;

/** Trending counts favorites and reviews of the last 7 days, each worth half as much every 2 days. */
export const TRENDING_WINDOW_MS = 7 * 24 * 3600_000;
export const TRENDING_HALF_LIFE_MS = 2 * 24 * 3600_000;

/** The ranking formula, as clients read it in the schema. */
const W = RANKING_WEIGHTS;
export const RANKING_FORMULA = `score = ${W.text}·text + ${W.distance}·distance + ${W.rating}·rating + ${W.freshness}·freshness, each in [0, 1], rounded to 6 decimals; ties go to the lower vendor id. text = the vendor's relevance ÷ the best relevance in this search (relevance: BM25 weighted name > cuisines > menu > description). distance = 2^(−4·d ÷ radiusMeters): 1 at the point, halving every quarter of the radius (0 without \`near\`). rating = (B − 1) ÷ 4 for the Bayesian average B = (${RATING_PRIOR.reviews}·${RATING_PRIOR.mean} + count·average) ÷ (${RATING_PRIOR.reviews} + count). freshness = 1 while the position is live, then halving every ${FRESHNESS_HALF_LIFE_MS / 60_000} minutes (0 without a position).`;

export const TRENDING_FORMULA = `score = Σ 2^(−age ÷ 2 days) over the favorites added and reviews submitted for the vendor in the last 7 days (a favorite counted once per customer, from when it was last added; a review once, from its first submission), rounded to 6 decimals; ties go to the lower vendor id.`;

/** The Bayesian average rating: the vendor's reviews pulled towards the prior by their scarcity. */
export function bayesianRating(average: number | null, count: number): number {
  const { mean, reviews } = RATING_PRIOR;
  if (average === null || count <= 0) return mean;
  return (reviews * mean + count * average) / (reviews + count);
}

/** 1 at the searched point, halving every quarter of the radius. */
export function proximity(distanceMeters: number, radiusMeters: number): number {
  return 2 ** ((-4 * distanceMeters) / radiusMeters);
}

/** 1 while the position is live, then halving every FRESHNESS_HALF_LIFE_MS; 0 without a position. */
export function freshness(recordedAt: Date | null, asOf: Date, liveWindowMs: number): number {
  if (recordedAt === null) return 0;
  const staleFor = asOf.getTime() - recordedAt.getTime() - liveWindowMs;
  return staleFor <= 0 ? 1 : 2 ** (-staleFor / FRESHNESS_HALF_LIFE_MS);
}

/** Six decimals: enough to order by, and the same number in every cursor and response. */
export const roundScore = (score: number) => Math.round(score * 1e6) / 1e6;

export interface RankingContext {
  /** The search radius; undefined when the search has no point. */
  radiusMeters?: number | undefined;
  asOf: Date;
  liveWindowMs: number;
}

/**
 * A search score in [0, 1], blending text relevance, distance, rating and location freshness:
 *
 *   score     = 0.55·text + 0.20·distance + 0.15·rating + 0.10·freshness   (rounded to 6 decimals)
 *   text      = relevance ÷ the best relevance among the search's candidates
 *   distance  = 2^(−4·d ÷ radius) when searching near a point, else 0
 *   rating    = (B − 1) ÷ 4 with B = (5·3.5 + n·average) ÷ (5 + n), the Bayesian average (3.5 for n = 0)
 *   freshness = 1 while the position is live, then 2^(−(age − live window) ÷ 30 min); 0 without one
 *
 * Text leads, so a much better match is never buried; among comparable matches the closer, better
 * rated and more recently seen vendor wins. Equal scores go to the lower vendor id (byScoreThenId).
 * RANKING_FORMULA says the same to clients.
 */
export function searchScore(
  candidate: SearchCandidate,
  bestRelevance: number,
  { radiusMeters, asOf, liveWindowMs }: RankingContext,
): number {
  const text = bestRelevance > 0 ? Math.min(1, Math.max(0, candidate.relevance / bestRelevance)) : 1;
  const distance =
    radiusMeters !== undefined && candidate.distanceMeters !== null
      ? proximity(candidate.distanceMeters, radiusMeters)
      : 0;
  const rating = (bayesianRating(candidate.ratingAverage, candidate.ratingCount) - 1) / 4;
  const fresh = freshness(candidate.recordedAt, asOf, liveWindowMs);
  return roundScore(W.text * text + W.distance * distance + W.rating * rating + W.freshness * fresh);
}

export interface Ranked {
  vendorId: string;
  score: number;
}

/** Best score first; equal scores by vendor id, so the order is total and the same on every call. */
export const byScoreThenId = (a: Ranked, b: Ranked) =>
  b.score - a.score || (a.vendorId < b.vendorId ? -1 : a.vendorId > b.vendorId ? 1 : 0);
