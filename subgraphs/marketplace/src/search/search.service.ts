import type { GeoPoint } from "@venta/geo";
import { pageSize, validPoint, validRadius } from "@venta/kit";
import { afterKey, fingerprint, pageOf, rankCursor } from "./ranked-pages.js";
import {
  byScoreThenId,
  roundScore,
  searchScore,
  TRENDING_HALF_LIFE_MS,
  TRENDING_WINDOW_MS,
} from "./ranking.js";
import type { SearchDocument } from "./search.record.js";
import type { SearchIndex } from "./search.store.js";
import { DEFAULT_SEARCH_RADIUS_METERS, MAX_SEARCH_PAGE, validCuisines } from "./search.validation.js";
import { queryTerms } from "./search-terms.js";

/** The most vendors one search ranks: the best text matches. Pages and `totalCount` stop there. */
export const MAX_SEARCH_CANDIDATES = 1000;
export const DEFAULT_TRENDING_PAGE = 10;
/** A position younger than this is live: location's default `LIVE_WINDOW_SECONDS`. */
export const LIVE_WINDOW_SECONDS = 120;
const SEARCH_CURSOR = "search";
const TRENDING_CURSOR = "trending";

export interface SearchVendorsInput {
  query: string;
  near?: GeoPoint | null | undefined;
  radiusMeters?: number | null | undefined;
  cuisines?: readonly string[] | null | undefined;
  openNow?: boolean | null | undefined;
  liveOnly?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}

export interface SearchHit {
  vendorId: string;
  score: number;
  cursor: string;
  distanceMeters: number | null;
}

export interface TrendingVendorsInput {
  near: GeoPoint;
  radiusMeters?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}

export interface TrendingHit {
  vendorId: string;
  score: number;
  cursor: string;
  distanceMeters: number;
  favorites: number;
  reviews: number;
}

export interface RankedPage<T> {
  hits: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

export interface SearchServiceOptions {
  /** A position younger than this is live (as location's `LIVE_WINDOW_SECONDS`). */
  liveWindowSeconds: number;
  now?: () => Date;
}

/**
 * Vendor search and trending: validates the question, asks the index for candidates, ranks them
 * (see ranking.ts) and cuts the page. Every candidate is ranked on every page, so a page's place
 * and `totalCount` always agree.
 */
export class SearchService {
  private readonly now: () => Date;

  constructor(
    private readonly index: SearchIndex,
    private readonly options: SearchServiceOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async searchVendors(input: SearchVendorsInput): Promise<RankedPage<SearchHit> & { terms: string[] }> {
    const terms = queryTerms(input.query);
    const center = input.near ? validPoint(input.near, "near") : undefined;
    const radiusMeters = validRadius(input.radiusMeters ?? DEFAULT_SEARCH_RADIUS_METERS);
    const size = pageSize(input.first ?? 20, "first", MAX_SEARCH_PAGE);
    const cuisines = validCuisines(input.cuisines);
    const openNow = input.openNow === true;
    const liveOnly = input.liveOnly === true;
    const print = fingerprint([
      terms,
      center ? [center.lat, center.lng, radiusMeters] : null,
      cuisines ?? [],
      openNow,
      liveOnly,
    ]);
    const key = afterKey(SEARCH_CURSOR, input.after, print);
    const asOf = key?.asOf ?? this.now();
    const liveWindowMs = this.options.liveWindowSeconds * 1000;

    const candidates = await this.index.search({
      terms,
      area: center ? { center, radiusMeters } : undefined,
      cuisines,
      // Judged as of the first page, like everything else, so later pages agree with it.
      openAt: openNow ? asOf : undefined,
      recordedSince: liveOnly ? new Date(asOf.getTime() - liveWindowMs) : undefined,
      limit: MAX_SEARCH_CANDIDATES,
    });
    const best = Math.max(0, ...candidates.map((c) => c.relevance));
    const ranking = { radiusMeters: center ? radiusMeters : undefined, asOf, liveWindowMs };
    const ranked = candidates
      .map((c) => ({
        vendorId: c.vendorId,
        score: searchScore(c, best, ranking),
        distanceMeters: c.distanceMeters,
      }))
      .sort(byScoreThenId);
    const page = pageOf(ranked, size, key);
    return {
      hits: page.items.map((hit) => ({ ...hit, cursor: rankCursor(SEARCH_CURSOR, print, asOf, hit) })),
      hasNextPage: page.hasNextPage,
      hasPreviousPage: key !== undefined,
      totalCount: ranked.length,
      terms,
    };
  }

  /** Vendors near a point by recent activity: see TRENDING_FORMULA. Only vendors with some activity. */
  async trendingVendors(input: TrendingVendorsInput): Promise<RankedPage<TrendingHit>> {
    const center = validPoint(input.near, "near");
    const radiusMeters = validRadius(input.radiusMeters ?? DEFAULT_SEARCH_RADIUS_METERS);
    const size = pageSize(input.first ?? DEFAULT_TRENDING_PAGE, "first", MAX_SEARCH_PAGE);
    const print = fingerprint([center.lat, center.lng, radiusMeters]);
    const key = afterKey(TRENDING_CURSOR, input.after, print);
    const asOf = key?.asOf ?? this.now();
    const candidates = await this.index.trending({
      center,
      radiusMeters,
      since: new Date(asOf.getTime() - TRENDING_WINDOW_MS),
      asOf,
      halfLifeMs: TRENDING_HALF_LIFE_MS,
    });
    const ranked = candidates
      .map(({ activity, ...rest }) => ({ ...rest, score: roundScore(activity) }))
      .sort(byScoreThenId);
    const page = pageOf(ranked, size, key);
    return {
      hits: page.items.map((hit) => ({ ...hit, cursor: rankCursor(TRENDING_CURSOR, print, asOf, hit) })),
      hasNextPage: page.hasNextPage,
      hasPreviousPage: key !== undefined,
      totalCount: ranked.length,
    };
  }

  /** The indexed text of these vendors, for highlights; one index read. */
  documents(vendorIds: readonly string[]): Promise<SearchDocument[]> {
    return this.index.documents(vendorIds);
  }
}
