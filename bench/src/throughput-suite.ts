import { postGraphQL } from "@venta/testing";
import type { HeadersFor } from "./bench-auth.js";
import type { DataSet } from "./data-set.js";
import { measureHttpLoad } from "./http-load.js";
import { startServices } from "./services.js";
import { QUERY_STAGES } from "./stage-plans.js";
import { stageWindow } from "./stage-window.js";
import { STOCK_GATEWAYS, startStockGateway } from "./stock-gateway.js";
import type { ThroughputFigure, ThroughputResults, ThroughputTarget } from "./throughput-figure.js";
import { QUERY_SPECS, requestBodies, type ThroughputQuery } from "./throughput-queries.js";

/** The throughput figures run over the 100k city. */
export const THROUGHPUT_VENDORS = 100_000;
const WARMUP_SECONDS = 2;

export interface ThroughputOptions {
  connections: number;
  durationSeconds: number;
}

interface Endpoint {
  target: ThroughputTarget;
  url: string;
  headers: HeadersFor;
  /** Processes serving it beside the subgraphs (a stock gateway), whose CPU is charged too. */
  processes?: Record<string, number>;
}

interface NearbyAnswer {
  __typename?: string;
  nearbyVendors?: { edges: { node: { id: string; name?: string } }[] };
}

/**
 * Requests a second under closed-loop load, the whole stack running over `dataSet`: baselines
 * first (`{ __typename }`), then pages of `nearbyVendors`; then each stock gateway in turn, on its
 * own free port over the same subgraphs, with the same two pages: the one location and marketplace
 * bound, and the one only the gateway's own work bounds. One target at a time.
 */
export async function runThroughputSuite(
  options: ThroughputOptions,
  dataSet: DataSet,
): Promise<ThroughputResults> {
  const services = await startServices(dataSet.dir);
  const figures: ThroughputFigure[] = [];
  const measure = async ({ target, url, headers, processes }: Endpoint, query: ThroughputQuery) => {
    await checkAnswers(target, url, headers, query);
    const load = await measureHttpLoad({
      url,
      bodies: requestBodies(query),
      headers,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: WARMUP_SECONDS,
      label: `${target}, ${query}`,
      stages: stageWindow(services.metrics, QUERY_STAGES),
      processes: { ...services.pids(), ...processes },
    });
    figures.push({ target, query, connections: options.connections, ...load });
  };
  try {
    // Both as a caller without credentials: the router signs the anonymous viewer for location,
    // and location gets the same signature directly.
    const router: Endpoint = {
      target: "router",
      url: services.graphql.router,
      headers: services.anonymous.router,
    };
    const direct: Endpoint = {
      target: "location direct",
      url: services.graphql.location,
      headers: services.anonymous.location,
    };
    for (const endpoint of [router, direct]) await measure(endpoint, "typename");
    await measure(router, "nearby 50, names");
    await measure(direct, "nearby 50");
    for (const endpoint of [router, direct]) await measure(endpoint, "nearby 5, location only");

    const subgraphs = {
      marketplace: services.graphql.marketplace,
      location: services.graphql.location,
      communication: services.graphql.communication,
    };
    for (const gateway of STOCK_GATEWAYS) {
      const running = await startStockGateway(gateway, subgraphs);
      try {
        // The identity the router would have signed, which a stock gateway passes on as it came.
        const stock: Endpoint = {
          target: gateway,
          url: running.url,
          headers: services.anonymous.location,
          ...(running.pid ? { processes: { [gateway]: running.pid } } : {}),
        };
        await measure(stock, "nearby 50, names");
        await measure(stock, "nearby 5, location only");
      } finally {
        await running.stop();
      }
    }
  } finally {
    await services.stop();
  }
  return { vendors: dataSet.vendors, figures };
}

/**
 * The first and last bodies asked once before the load: a figure over error answers, or empty pages,
 * would be meaningless (the load itself counts any GraphQL error as one).
 */
async function checkAnswers(
  target: string,
  url: string,
  headers: HeadersFor,
  query: ThroughputQuery,
): Promise<void> {
  const bodies = requestBodies(query);
  for (const text of new Set([bodies[0] as string, bodies.at(-1) as string]))
    await checkAnswer(target, url, headers, query, text);
}

async function checkAnswer(
  target: string,
  url: string,
  headers: HeadersFor,
  query: ThroughputQuery,
  text: string,
): Promise<void> {
  const body = JSON.parse(text) as { query: string; variables?: Record<string, unknown> };
  const answer = await postGraphQL<NearbyAnswer>(url, body.query, body.variables, headers());
  const fail = (why: string) => {
    throw new Error(
      `${target}, ${query}: ${why}: ${answer.status} ${JSON.stringify(answer.errors ?? answer.data)}`,
    );
  };
  if (answer.status !== 200 || answer.errors || !answer.data) fail("an error answer");
  const expects = QUERY_SPECS[query].expects;
  if (!expects) {
    if (answer.data?.__typename !== "Query") fail("no __typename");
    return;
  }
  const edges = answer.data?.nearbyVendors?.edges ?? [];
  if (edges.length !== expects.edges) fail(`${edges.length} edges instead of ${expects.edges}`);
  if (expects.names && edges.some((edge) => typeof edge.node.name !== "string"))
    fail("a vendor without its name");
}
