import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { anonymous } from "@venta/auth";
import {
  type CallerKind,
  callerKindOf,
  collectProcessMetrics,
  createErrorFormatter,
  createHttpServer,
  GraphQLMetrics,
  graphqlMetricsPlugin,
  graphqlRoute,
  type HttpServerTimeouts,
  LIVENESS_PATH,
  type Logger,
  listen,
  liveMetrics,
  livenessRoute,
  metricsRoute,
  READINESS_PATH,
  ServiceLifecycle,
  secondsSince,
  sendJson,
  unexpectedErrorLogPlugin,
} from "@venta/kit";
import { type LiveFeed, LiveHub } from "@venta/live";
import { accessLogPlugin, logAccess, noteCaller } from "./access-log.js";
import { withSingleFetches } from "./execution/single-fetch-gateway.js";
import { SingleFetchPlans } from "./execution/single-fetch-plans.js";
import { createGateway, type RouterContext, readSupergraph } from "./gateway.js";
import { subgraphHealth } from "./health.js";
import { explorerRoutes } from "./pages/explorer-page.js";
import { mapRoutes } from "./pages/map-page.js";
import { routerReadinessRoute } from "./readiness.js";
import { httpAdmission, subscriptionAdmission } from "./security/admission.js";
import { type CorsPolicy, corsPolicy, withCors } from "./security/cors.js";
import { clientAddress, socketCredentials } from "./security/credentials.js";
import { operationPolicy, untrustedRequest } from "./security/operation-policy.js";
import { oversizedRequest } from "./security/operation-size.js";
import { pageSizeCost } from "./security/page-size-cost.js";
import { formatLimitError, queryProtections } from "./security/query-limits.js";
import type { RouterSecurity } from "./security/router-security.js";
import { schemaSuggestions } from "./security/schema-suggestions.js";
import type { SubgraphName } from "./subgraphs.js";
import { observeHeard } from "./subscriptions/live-latency.js";
import { liveSchema } from "./subscriptions/live-schema.js";
import type { SocketLimits } from "./subscriptions/socket-quota.js";
import { SubgraphPassthrough } from "./subscriptions/subgraph-passthrough.js";
import { subscriptionOwners } from "./subscriptions/subscription-owners.js";
import { type SupergraphResult, VendorLoader } from "./subscriptions/vendor-loader.js";
import { startSubscriptionServer } from "./subscriptions/ws-server.js";
import { webhookRoutes } from "./webhooks/webhook-proxy.js";

export interface RouterOptions {
  host: string;
  port: number;
  /** How long a client may take to send a request; `DEFAULT_HTTP_TIMEOUTS` unless given. */
  timeouts?: HttpServerTimeouts;
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
  /** Message size and open-socket limits of the subscription server. */
  sockets: SocketLimits;
  /** Tile source for the live map page, `{z}/{x}/{y}` style. */
  mapTileUrl: string;
  security: RouterSecurity;
  /** Read only after the caller is identified and counted against its rate limit. */
  maxRequestBytes: number;
  /** Which browser origins may call `/graphql`; none unless given. */
  cors?: CorsPolicy;
  /** How long `/health/ready` reuses the subgraphs' readiness answers; `SUBGRAPH_READINESS_TTL_MS` unless given. */
  readinessCacheMs?: number;
}

export interface RunningRouter {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The one endpoint clients talk to: GraphQL on `/graphql`, subgraph health on `/health`, and
 * `/health/live` and `/health/ready` for probes.
 */
export async function startRouter(options: RouterOptions): Promise<RunningRouter> {
  const { log, security } = options;
  const protections = queryProtections(security.limits);
  const formatError = createErrorFormatter(log);
  const routes: Parameters<typeof createHttpServer>[0] = {};
  const httpServer = createHttpServer(routes, options.timeouts);
  logAccess(httpServer, log);
  collectProcessMetrics();
  const requestMetrics = new GraphQLMetrics("router");
  const singleFetches = new SingleFetchPlans();
  const gateway = createGateway({
    supergraphPath: options.supergraphPath,
    urls: options.subgraphUrls,
    timeoutMs: options.subgraphTimeoutMs,
    identity: security.internalIdentity,
    log,
    singleFetches,
  });
  const apollo = new ApolloServer<RouterContext>({
    gateway: withSingleFetches(gateway, singleFetches),
    formatError: (formatted, error) => {
      // Which subgraph failed is ours to know; clients get the code and message.
      const { serviceName: _internal, ...extensions } = formatted.extensions ?? {};
      return formatError(formatLimitError({ ...formatted, extensions }), error);
    },
    includeStacktraceInErrorResponses: false,
    // Introspection is decided per caller by the operation policy, not for everyone at once.
    introspection: true,
    validationRules: protections.validationRules,
    parseOptions: protections.parseOptions,
    // One operation per request: a batch would multiply the work behind one rate-limit hit.
    allowBatchedHttpRequests: false,
    // Shutdown is ours (closeOnSignals): Apollo's own signal handlers would re-raise the signal mid-way.
    stopOnTerminationSignals: false,
    // Browsers may only send GraphQL with a preflighted content type or an explicit header.
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...protections.plugins,
      operationPolicy(security.policy),
      pageSizeCost(security.limits.maxCost),
      schemaSuggestions(security.policy),
      accessLogPlugin,
      unexpectedErrorLogPlugin<RouterContext>(log),
      graphqlMetricsPlugin<RouterContext>(requestMetrics, (context) =>
        callerKindOf(context.viewer, context.internal),
      ),
    ],
  });
  await apollo.start();

  const admitHttp = httpAdmission(security, formatError);
  // Charged to the caller first (admitHttp), then refused before Apollo parses anything.
  const oversized = oversizedRequest(security.limits);
  const untrusted = untrustedRequest(security.policy);
  routes["/graphql"] = withCors(options.cors ?? corsPolicy("none", "production"), async (req, res) => {
    // A WebSocket upgrade never reaches here; preflights carry no credentials and cost nothing.
    if (req.method === "OPTIONS")
      return graphqlRoute(apollo, async () => ({ requestId: randomUUID(), viewer: anonymous }))(req, res);
    const start = performance.now();
    const context = await admitHttp(req, res);
    // Answered before Apollo (no budget, a bad credential, too large, untrusted): counted here.
    const refusedUnread = (caller: CallerKind) =>
      requestMetrics.recordUnread(caller, res.statusCode >= 500 ? "error" : "refused", secondsSince(start));
    if (!context) return refusedUnread("anonymous");
    const requestScope = noteCaller(req, context.viewer);
    await graphqlRoute(
      apollo,
      async () => ({ ...context, requestScope }),
      options.maxRequestBytes,
      (parts) => {
        const refusal = oversized(parts) ?? untrusted(context.viewer, parts);
        if (refusal) refusedUnread(callerKindOf(context.viewer));
        return refusal;
      },
    )(req, res);
  });
  if (security.devIssuer) {
    const jwks = security.devIssuer.jwks();
    routes["/.well-known/jwks.json"] = (_req, res) => sendJson(res, 200, jwks);
  }
  Object.assign(routes, mapRoutes(options.mapTileUrl));
  Object.assign(routes, explorerRoutes());
  // Providers post their webhooks here; the communication subgraph verifies and answers them.
  Object.assign(
    routes,
    webhookRoutes({
      communicationUrl: options.subgraphUrls.communication,
      timeoutMs: options.subgraphTimeoutMs,
      log,
    }),
  );
  routes["/metrics"] = metricsRoute;
  routes["/health"] = async (_req, res) => {
    const report = await subgraphHealth(options.subgraphUrls);
    // Degraded still serves partial data, but whoever reads only the status must see it.
    sendJson(res, report.status === "ok" ? 200 : 503, report);
  };
  const lifecycle = new ServiceLifecycle();
  routes[LIVENESS_PATH] = livenessRoute("router");
  routes[READINESS_PATH] = routerReadinessRoute({
    urls: options.subgraphUrls,
    lifecycle,
    supergraphLoaded: () => gateway.schema !== undefined,
    ttlMs: options.readinessCacheMs,
  });

  // Live vendor locations run here, not in the gateway: the stream comes from the live hub and every
  // other field of each event is fetched through the gateway, like a query. Every other
  // subscription is forwarded to the subgraph that owns it.
  const vendors = new VendorLoader(async (query, variables) => {
    const response = await apollo.executeOperation(
      { query, variables },
      { contextValue: { requestId: randomUUID(), viewer: anonymous, internal: true } },
    );
    if (response.body.kind !== "single") throw new Error("unexpected incremental response");
    return response.body.singleResult as SupergraphResult;
  });
  const apiSchema = gateway.schema;
  if (!apiSchema) throw new Error("the gateway has no schema after start");
  const subscriptions = startSubscriptionServer({
    httpServer,
    schema: liveSchema(
      apiSchema,
      new LiveHub(options.liveFeed, { onFannedOut: liveMetrics("router").fannedOut, onHeard: observeHeard }),
      vendors,
      options.liveWindowSeconds,
    ),
    log,
    maxSubscriptionsPerConnection: options.maxSubscriptionsPerConnection,
    connectionInitTimeoutMs: options.connectionInitTimeoutMs,
    keepAliveMs: options.keepAliveMs,
    sockets: options.sockets,
    sizeLimits: security.limits,
    validationRules: protections.allRules,
    maxTokens: security.limits.maxTokens,
    maxCost: security.limits.maxCost,
    identify: (params) => security.identify(socketCredentials(params)),
    admission: subscriptionAdmission(security),
    addressOf: (request) => clientAddress(request, security.trustedProxyHops),
    passthrough: {
      owners: subscriptionOwners(readSupergraph(options.supergraphPath), options.subgraphUrls),
      forwarder: new SubgraphPassthrough(security.internalIdentity, log),
    },
  });

  const port = await listen(httpServer, options.port, options.host);
  lifecycle.serving();
  const url = `http://${options.host}:${port}/graphql`;
  log.info({ url, subgraphs: options.subgraphUrls }, "router ready");
  return {
    url,
    port,
    stop: async () => {
      lifecycle.stopping();
      await subscriptions.close();
      await apollo.stop();
      await security.close();
    },
  };
}
