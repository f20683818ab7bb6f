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
import { createGateway, type RouterContext } from "./gateway.js";
import { subgraphHealth } from "./health.js";
import type { SubgraphName } from "./subgraphs.js";

export interface RouterOptions {
  host: string;
  port: number;
  supergraphPath: string;
  subgraphUrls: Record<SubgraphName, string>;
  subgraphTimeoutMs: number;
  log: Logger;
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
  const apollo = new ApolloServer<RouterContext>({
    gateway: createGateway({
      supergraphPath: options.supergraphPath,
      urls: options.subgraphUrls,
      timeoutMs: options.subgraphTimeoutMs,
      log,
    }),
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
  routes["/health"] = async (_req, res) => {
    const report = await subgraphHealth(options.subgraphUrls);
    sendJson(res, 200, report);
  };

  const port = await listen(httpServer, options.port, options.host);
  const url = `http://${options.host}:${port}/graphql`;
  log.info({ url, subgraphs: options.subgraphUrls }, "router ready");
  return { url, port, stop: () => apollo.stop() };
}
