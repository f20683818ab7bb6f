import type { GeoPoint } from "@venta/geo";
import { progressBar } from "@venta/kit";
import { postGraphQL } from "@venta/testing";
import autocannon from "autocannon";
import { type Figure, summarize, type Target } from "./figure.js";
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
}

interface NearbyData {
  nearbyVendors: { edges: { node: { id: string; name?: string } }[] };
}

/** The proximity query over HTTP under load from autocannon, rotating through several centres. */
export async function measureHttpNearby(options: HttpNearbyOptions): Promise<Figure> {
  const query = options.target === "router" ? ROUTER_QUERY : LOCATION_QUERY;
  const variables = options.centres.map((near) => ({ near, radius: RADIUS_METERS, first: PAGE_SIZE }));
  const meanEdges = await checkAnswers(options, query, variables);
  const requests = variables.map((vars) => ({
    method: "POST" as const,
    path: new URL(options.url).pathname,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ operationName: "Nearby", query, variables: vars }),
    setupRequest: (request: autocannon.Request) => ({
      ...request,
      headers: { ...request.headers, ...options.headers() },
    }),
  }));
  const label = `${options.target}, ${options.vendors} vendors`;
  // Warm-up lets the JIT, SQLite's page cache and the router's query plan cache settle first.
  await cannon(options, requests, options.warmupSeconds, `${label} (warm-up)`);
  const { result, samples } = await cannon(options, requests, options.durationSeconds, label);
  const errors = result.errors + result.timeouts + result.non2xx + result.mismatches;
  return {
    vendors: options.vendors,
    target: options.target,
    requests: samples.length,
    seconds: result.duration,
    rps: samples.length / result.duration,
    latencyMs: summarize(samples),
    meanEdges,
    errors,
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

async function cannon(
  options: HttpNearbyOptions,
  requests: autocannon.Request[],
  seconds: number,
  label: string,
): Promise<{ result: autocannon.Result; samples: number[] }> {
  const samples: number[] = [];
  const progress = progressBar(label, seconds);
  let ticks = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: seconds,
        requests,
        // GraphQL reports failures in a 200 answer: count those as errors too.
        verifyBody: (body) => !String(body).includes('"errors"'),
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    // Our own samples, because autocannon's histogram holds whole milliseconds and has no p95.
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
    });
    instance.on("tick", () => progress.update(Math.min(seconds, ++ticks)));
  });
  progress.done();
  return { result, samples };
}
