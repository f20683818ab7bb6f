import type { GeoPoint } from "@venta/geo";
import { postGraphQL } from "@venta/testing";
import type { Figure, Target } from "./figure.js";
import { measureHttpLoad } from "./http-load.js";
import type { StageWindow } from "./stage-window.js";
import { PAGE_SIZE, RADIUS_METERS } from "./store-nearby.js";

const ROUTER_QUERY = `query Nearby($near: GeoPointInput!, $radius: Float, $first: Int) {
  nearbyVendors(near: $near, radiusMeters: $radius, first: $first) {
    edges { distanceMeters node { id name location { point { lat lng } } } }
  }
}`;

// `name` lives in marketplace, so the location subgraph alone cannot answer it: same shape without it.
const LOCATION_QUERY = `query Nearby($near: GeoPointInput!, $radius: Float, $first: Int) {
  nearbyVendors(near: $near, radiusMeters: $radius, first: $first) {
    edges { distanceMeters node { id location { point { lat lng } } } }
  }
}`;

export interface HttpNearbyOptions {
  vendors: number;
  target: Extract<Target, "router" | "location direct">;
  /** The target's GraphQL endpoint. */
  url: string;
  /** Headers each request carries, read per request: a subgraph needs the router's signature, which expires. */
  headers: () => Record<string, string>;
  centres: readonly GeoPoint[];
  durationSeconds: number;
  connections: number;
  warmupSeconds: number;
  /** Around the measured run, for the figure's stages. */
  stages?: StageWindow;
  /** The services (name → pid) whose CPU per request the figure gives. */
  processes?: Readonly<Record<string, number>>;
}

interface NearbyData {
  nearbyVendors: { edges: { node: { id: string; name?: string } }[] };
}

/** The proximity query over HTTP under load from autocannon, rotating through several centres. */
export async function measureHttpNearby(options: HttpNearbyOptions): Promise<Figure> {
  const query = options.target === "router" ? ROUTER_QUERY : LOCATION_QUERY;
  const variables = options.centres.map((near) => ({ near, radius: RADIUS_METERS, first: PAGE_SIZE }));
  const meanEdges = await checkAnswers(options, query, variables);
  const load = await measureHttpLoad({
    url: options.url,
    bodies: variables.map((vars) => JSON.stringify({ operationName: "Nearby", query, variables: vars })),
    headers: options.headers,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    label: `${options.target}, ${options.vendors} vendors`,
    stages: options.stages,
    processes: options.processes,
  });
  return {
    vendors: options.vendors,
    target: options.target,
    ...load,
    meanEdges,
    notes:
      options.target === "router"
        ? ["through the router: location, then marketplace for `name`"]
        : ["location subgraph directly: same operation without `name`, which lives in marketplace"],
  };
}

/** One request per centre before the load: a figure over error answers would be meaningless. */
async function checkAnswers(
  options: HttpNearbyOptions,
  query: string,
  variables: Record<string, unknown>[],
): Promise<number> {
  let edges = 0;
  for (const vars of variables) {
    const answer = await postGraphQL<NearbyData>(options.url, query, vars, options.headers());
    if (answer.status !== 200 || answer.errors || !answer.data) {
      throw new Error(
        `${options.target} answered ${answer.status}: ${JSON.stringify(answer.errors ?? answer.data)}`,
      );
    }
    const found = answer.data.nearbyVendors.edges;
    if (options.target === "router" && found.some((edge) => typeof edge.node.name !== "string")) {
      throw new Error("the router answered a vendor without its name: is marketplace's data set complete?");
    }
    edges += found.length;
  }
  return edges / variables.length;
}
