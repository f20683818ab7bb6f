// First: starts tracing and error tracking before anything else loads.
import "./telemetry.start.js";
import {
  ConfigError,
  closeOnSignals,
  createLogger,
  httpTimeouts,
  internalIdentity,
  shutdownTelemetry,
} from "@venta/kit";
import { openLiveFeed } from "@venta/live";
import { loadRouterConfig } from "./config.js";
import { startRouter } from "./router-server.js";
import { corsPolicy } from "./security/cors.js";
import { routerSecurity } from "./security/router-security.js";
import { subgraphUrls } from "./subgraphs.js";

async function main(): Promise<void> {
  const config = loadRouterConfig();
  const log = createLogger("router", { level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const urls = subgraphUrls();
  const security = await routerSecurity(config, internalIdentity(config), urls.marketplace, log);
  const cors = corsPolicy(config.CORS_ORIGINS, config.NODE_ENV);
  const liveFeed = openLiveFeed(config, log);
  const router = await startRouter({
    host: config.HOST,
    port: config.ROUTER_PORT,
    timeouts: httpTimeouts(config),
    supergraphPath: config.SUPERGRAPH_PATH,
    subgraphUrls: urls,
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    log,
    liveFeed,
    liveWindowSeconds: config.LIVE_WINDOW_SECONDS,
    maxSubscriptionsPerConnection: config.MAX_SUBSCRIPTIONS_PER_CONNECTION,
    connectionInitTimeoutMs: config.WS_INIT_TIMEOUT_MS,
    keepAliveMs: config.WS_KEEPALIVE_MS,
    sockets: {
      maxMessageBytes: config.WS_MAX_MESSAGE_BYTES,
      maxPerAddress: config.WS_MAX_SOCKETS_PER_IP,
      maxTotal: config.WS_MAX_SOCKETS,
    },
    mapTileUrl: config.MAP_TILE_URL,
    security,
    maxRequestBytes: config.MAX_REQUEST_BYTES,
    cors,
  });
  log.info(
    {
      identity: security.devIssuer ? "development issuer (npm run token)" : config.AUTH_JWKS_URL,
      trustedDocuments: config.TRUSTED_DOCUMENTS,
      introspection: security.policy.introspectionForAnyone ? "anyone" : "partner keys with INTROSPECT",
      rateLimits: config.REDIS_URL ? "redis" : "in-process",
      corsOrigins: cors.describe(),
    },
    "security",
  );
  closeOnSignals(log, [() => router.stop(), () => liveFeed.close(), shutdownTelemetry]);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
