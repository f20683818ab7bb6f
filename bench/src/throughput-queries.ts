import { AUSTIN } from "@venta/demo";
import { destinationPoint, type GeoPoint } from "@venta/geo";

/** Downtown, the centre of the bench city's Gaussian core: about 20,800 of 100,000 vendors lie within 5 km. */
export const DENSE_CORE: GeoPoint = { lat: AUSTIN.lat, lng: AUSTIN.lng };
export const THROUGHPUT_RADIUS_METERS = 5_000;
/**
 * Searches rotate through this many centres within `CORE_SPREAD_METERS` of downtown: as costly as
 * one another (the same ~20,800 vendors in range, give or take), but never the same request twice
 * in flight, which a gateway that merges identical requests would answer for the price of one.
 */
const CENTRES = 64;
const CORE_SPREAD_METERS = 200;
const GOLDEN_ANGLE_DEGREES = 180 * (3 - Math.sqrt(5));

/** Points on a spiral around downtown, the same every run: successive ones a golden angle apart. */
export function coreCentres(count = CENTRES): GeoPoint[] {
  return Array.from({ length: count }, (_, i) =>
    destinationPoint(DENSE_CORE, (i * GOLDEN_ANGLE_DEGREES) % 360, (CORE_SPREAD_METERS * (i + 1)) / count),
  );
}

export const THROUGHPUT_QUERIES = [
  "typename",
  "nearby 50, names",
  "nearby 50",
  "nearby 5, location only",
] as const;
export type ThroughputQuery = (typeof THROUGHPUT_QUERIES)[number];

export interface QuerySpec {
  text: string;
  /** Edges each answer must hold, and whether each vendor must carry marketplace's `name`. */
  expects: { edges: number; names: boolean } | undefined;
}

const nearby = (first: number, node: string) => `query Nearby($near: GeoPointInput!, $radius: Float) {
  nearbyVendors(near: $near, radiusMeters: $radius, first: ${first}) {
    ${first === 50 ? "totalCount " : ""}edges { distanceMeters node { ${node} } }
  }
}`;

/**
 * `typename` is the baseline: what a target costs with nothing to fetch. `nearby 50, names` is the
 * router-bound page (location, then marketplace for `name`); `nearby 50` is the same without
 * `name`, all a subgraph alone can answer; `nearby 5, location only` is a small page one subgraph
 * answers, so router and direct differ only by what the router adds.
 */
export const QUERY_SPECS: Record<ThroughputQuery, QuerySpec> = {
  typename: { text: "{ __typename }", expects: undefined },
  "nearby 50, names": {
    text: nearby(50, "id name location { point { lat lng } }"),
    expects: { edges: 50, names: true },
  },
  "nearby 50": {
    text: nearby(50, "id location { point { lat lng } }"),
    expects: { edges: 50, names: false },
  },
  "nearby 5, location only": {
    text: nearby(5, "id location { point { lat lng } }"),
    expects: { edges: 5, names: false },
  },
};

/** The request bodies posted for a query, in turn: one per core centre for a search. */
export function requestBodies(query: ThroughputQuery): string[] {
  const spec = QUERY_SPECS[query];
  if (!spec.expects) return [JSON.stringify({ query: spec.text })];
  return coreCentres().map((near) =>
    JSON.stringify({
      operationName: "Nearby",
      query: spec.text,
      variables: { near, radius: THROUGHPUT_RADIUS_METERS },
    }),
  );
}
