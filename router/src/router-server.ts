import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  createErrorFormatter,
  createHttpServer,
  graphqlRoute,
  type Logger,
  listen,
  sendJson,
} from "@venta/kit";
import { type LiveFeed, LiveHub } from "@venta/live";
import { createGateway, type RouterContext } from "./gateway.js";
import { subgraphHealth } from "./health.js";
import { mapRoutes } from "./pages/map-page.js";
import type { SubgraphName } from "./subgraphs.js";
import { liveSchema } from "./subscriptions/live-schema.js";
import { type SupergraphResult, VendorLoader } from "./subscriptions/vendor-loader.js";
import { startSubscriptionServer } from "./subscriptions/ws-server.js";

export interface RouterOptions {
  host: string;
  port: number;
  supergraphPath: string;
  subgraphUrls: Record<SubgraphName, string>;
  subgraphTimeoutMs: number;
  log: Logger;
  /** Where location's live updates arrive; the router fans them out to subscribers. */
  liveFeed: LiveFeed;
  liveWindowSeconds: number;
  maxSubscriptionsPerConnection: number;
  connectionInitTimeoutMs: number;
  keepAliveMs: number;
  /** Tile source for the live map page, `{z}/{x}/{y}` style. */
  mapTileUrl: string;
}

export interface RunningRouter {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The one endpoint clients talk to: GraphQL on `/graphql`, subgraph health on `/health`. */
export async function startRouter(options: RouterOptions): Promise<RunningRouter> {
  const { log } = options;
  const routes: Parameters<typeof createHttpServer>[0] = {};
  const httpServer = createHttpServer(routes);
  const gateway = createGateway({
    supergraphPath: options.supergraphPath,
    urls: options.subgraphUrls,
    timeoutMs: options.subgraphTimeoutMs,
    log,
  });
  const apollo = new ApolloServer<RouterContext>({
    gateway,
    formatError: createErrorFormatter(log),
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (closeOnSignals): Apollo's own signal handlers would re-raise the signal mid-way.
    stopOnTerminationSignals: false,
    // Browsers may only send GraphQL with a preflighted content type or an explicit header.
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  routes["/graphql"] = graphqlRoute(apollo, async (req) => {
    const header = req.headers["x-request-id"];
    return { requestId: typeof header === "string" && header.length <= 128 ? header : randomUUID() };
  });
  Object.assign(routes, mapRoutes(options.mapTileUrl));
  routes["/health"] = async (_req, res) => {
    const report = await subgraphHealth(options.subgraphUrls);
    sendJson(res, 200, report);
  };

  // Subscriptions run here, not in the gateway: the stream comes from the live hub and every other
  // field of each event is fetched through the gateway, like a query.
  const vendors = new VendorLoader(async (query, variables) => {
    const response = await apollo.executeOperation(
      { query, variables },
      { contextValue: { requestId: randomUUID() } },
    );
    if (response.body.kind !== "single") throw new Error("unexpected incremental response");
    return response.body.singleResult as SupergraphResult;
  });
  const apiSchema = gateway.schema;
  if (!apiSchema) throw new Error("the gateway has no schema after start");
  const subscriptions = startSubscriptionServer({
    httpServer,
    schema: liveSchema(apiSchema, new LiveHub(options.liveFeed), vendors, options.liveWindowSeconds),
    log,
    maxSubscriptionsPerConnection: options.maxSubscriptionsPerConnection,
    connectionInitTimeoutMs: options.connectionInitTimeoutMs,
    keepAliveMs: options.keepAliveMs,
  });

  const port = await listen(httpServer, options.port, options.host);
  const url = `http://${options.host}:${port}/graphql`;
  log.info({ url, subgraphs: options.subgraphUrls }, "router ready");
  return {
    url,
    port,
    stop: async () => {
      await subscriptions.close();
      await apollo.stop();
    },
  };
}
