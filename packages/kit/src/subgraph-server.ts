import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { IDENTITY_HEADER, type InternalIdentity } from "@venta/auth";
import type { GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import { DEFAULT_WS_MAX_MESSAGE_BYTES } from "./config.js";
import { createErrorFormatter, unexpectedErrorLogPlugin } from "./errors.js";
import { type HealthCheck, runHealthChecks } from "./health.js";
import {
  LIVENESS_PATH,
  livenessRoute,
  READINESS_PATH,
  readinessRoute,
  ServiceLifecycle,
} from "./health-routes.js";
import {
  createHttpServer,
  graphqlRoute,
  type HttpServerTimeouts,
  listen,
  type RouteHandler,
  sendJson,
} from "./http-server.js";
import { callerKindOf } from "./metrics/caller-kind.js";
import { GraphQLMetrics, graphqlMetricsPlugin } from "./metrics/graphql-metrics.js";
import { collectProcessMetrics, metricsRoute } from "./metrics/registry.js";
import type { RequestContext } from "./request-context.js";
import { serveSubgraphSubscriptions } from "./subgraph-subscriptions.js";

export interface SubgraphServerOptions<TContext extends RequestContext> {
  name: string;
  host: string;
  port: number;
  /** How long a client may take to send a request; `DEFAULT_HTTP_TIMEOUTS` unless given. */
  timeouts?: HttpServerTimeouts;
  log: Logger;
  schema: GraphQLSchema;
  /** Checks the identity header the router signs; requests without it, or that forge it, are refused (401). */
  identity: InternalIdentity;
  /** Adds the subgraph's own per-request state (its DataLoaders) to the base context. */
  createContext: (base: RequestContext) => TContext;
  healthChecks: Record<string, HealthCheck>;
  /**
   * The subgraph's own plain HTTP routes by exact path (internal endpoints) or `<prefix>/*` (every
   * path under the prefix); each guards itself.
   */
  routes?: Record<string, RouteHandler>;
  /** The largest GraphQL request body accepted (1 MB unless given): raised where uploads come inline. */
  maxBodyBytes?: number;
  /**
   * Also serve the schema's subscriptions over graphql-ws on `/graphql`, for the router to forward
   * its clients' subscriptions to; sockets must carry the router's signed identity.
   */
  subscriptions?: boolean;
  /** The largest graphql-ws message on those subscriptions (`WS_MAX_MESSAGE_BYTES`). */
  maxSocketMessageBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const BUILT_IN_ROUTES = ["/graphql", "/health", LIVENESS_PATH, READINESS_PATH, "/metrics"];

/**
 * Starts a subgraph: GraphQL on `/graphql`, a health report on `/health` (with `/health/live` and
 * `/health/ready` for probes), Prometheus metrics on `/metrics`, and its own `routes`.
 */
export async function startSubgraphServer<TContext extends RequestContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningServer> {
  const { name, log } = options;
  const clash = BUILT_IN_ROUTES.find((path) => options.routes && Object.hasOwn(options.routes, path));
  if (clash) throw new Error(`${name}: route ${clash} is served by every subgraph and cannot be replaced`);
  const routes: Record<string, RouteHandler> = { ...options.routes };
  const httpServer = createHttpServer(routes, options.timeouts);
  collectProcessMetrics();
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: createErrorFormatter(log),
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (closeOnSignals): Apollo's own signal handlers would re-raise the signal mid-way.
    stopOnTerminationSignals: false,
    // No Apollo Studio traces and no cache-control hints: both hook every resolved field, and we
    // use neither, so they would only cost time on every request.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      unexpectedErrorLogPlugin<TContext>(log),
      graphqlMetricsPlugin<TContext>(new GraphQLMetrics(name), (context) => callerKindOf(context.viewer)),
    ],
  });
  await apollo.start();

  routes["/graphql"] = graphqlRoute(
    apollo,
    async (req) => {
      const header = req.headers["x-request-id"];
      const requestId = typeof header === "string" && header.length <= 128 ? header : randomUUID();
      const identity = req.headers[IDENTITY_HEADER];
      const viewer = await options.identity.verify(typeof identity === "string" ? identity : undefined);
      return options.createContext({ requestId, log: log.child({ requestId }), viewer });
    },
    options.maxBodyBytes,
  );
  routes["/health"] = async (_req, res) => {
    const report = await runHealthChecks(name, options.healthChecks);
    sendJson(res, report.status === "ok" ? 200 : 503, report);
  };
  const lifecycle = new ServiceLifecycle();
  routes[LIVENESS_PATH] = livenessRoute(name);
  routes[READINESS_PATH] = readinessRoute(name, lifecycle, options.healthChecks);

  routes["/metrics"] = metricsRoute;

  const subscriptions = options.subscriptions
    ? serveSubgraphSubscriptions({
        service: name,
        httpServer,
        schema: options.schema,
        log,
        identity: options.identity,
        createContext: options.createContext,
        maxMessageBytes: options.maxSocketMessageBytes ?? DEFAULT_WS_MAX_MESSAGE_BYTES,
      })
    : null;

  const port = await listen(httpServer, options.port, options.host);
  lifecycle.serving();
  const url = `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}/graphql`;
  log.info({ url }, `${name} subgraph ready`);
  return {
    url,
    port,
    stop: async () => {
      lifecycle.stopping();
      // Upgraded sockets are not the HTTP server's to drain: they are closed first.
      await subscriptions?.close();
      await apollo.stop();
    },
  };
}
