import { join } from "node:path";
import { DEV_AUDIENCE, DEV_ISSUER } from "@venta/auth";
import { baseEnv, ConfigError, envVar, loadConfig, repoRoot } from "@venta/kit";
import { z } from "zod";

/** The supergraph `npm run compose` writes and the repository commits: what the router serves by default. */
export const committedSupergraphPath = join(repoRoot(), "schema", "supergraph.graphql");

export const routerEnv = baseEnv.extend({
  ROUTER_PORT: envVar.port(4000),
  SUPERGRAPH_PATH: z.string().min(1).default(committedSupergraphPath),
  /** How long the router waits for a subgraph before answering with partial data. */
  SUBGRAPH_TIMEOUT_MS: envVar.positiveInt(10_000),
  /** Must match location's: a live event's position is `isLive` within this many seconds. */
  LIVE_WINDOW_SECONDS: envVar.positiveInt(120),
  MAX_SUBSCRIPTIONS_PER_CONNECTION: envVar.positiveInt(20),
  /** A WebSocket that has not sent `connection_init` by then is closed. */
  WS_INIT_TIMEOUT_MS: envVar.positiveInt(5_000),
  /** Ping interval on subscription sockets; a client that misses a pong is dropped. */
  WS_KEEPALIVE_MS: envVar.positiveInt(12_000),
  /**
   * Open subscription sockets per client address: a person's app holds one; a shared office or
   * carrier NAT holds a few dozen. Past it, the upgrade is answered 429 before any handshake.
   */
  WS_MAX_SOCKETS_PER_IP: envVar.positiveInt(100),
  /** Open subscription sockets in all; past it, the upgrade is answered 503, so memory stays bounded. */
  WS_MAX_SOCKETS: envVar.positiveInt(10_000),
  /** Map tiles for `/map`; the map still works (plain background) when they cannot be reached. */
  MAP_TILE_URL: z.string().min(1).default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),

  /**
   * The identity provider's keys (Clerk: `https://<instance>/.well-known/jwks.json`); https in
   * production (plain http only to loopback). Unset: the local development issuer.
   */
  AUTH_JWKS_URL: envVar.url(),
  AUTH_ISSUER: z.string().min(1).default(DEV_ISSUER),
  AUTH_AUDIENCE: z.string().min(1).default(DEV_AUDIENCE),
  /**
   * Browser origins allowed to call `/graphql` from another site: a comma list of exact origins, or
   * `none`. Unset: http loopback origins outside production, none in production.
   */
  CORS_ORIGINS: z.string().optional(),
  /** Comma-separated origins a token's `azp` must name (Clerk's authorized parties); empty: not checked. */
  AUTH_AUTHORIZED_PARTIES: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((party) => party.trim())
        .filter(Boolean),
    ),

  /** Sliding-window budgets per minute-long (by default) window: per IP, per person, per partner key. */
  RATE_LIMIT_WINDOW_MS: envVar.positiveInt(60_000),
  RATE_LIMIT_ANONYMOUS: envVar.positiveInt(600),
  RATE_LIMIT_USER: envVar.positiveInt(1_200),
  RATE_LIMIT_PARTNER: envVar.positiveInt(3_000),
  /**
   * How many proxies in front of the router append to `X-Forwarded-For` (a load balancer: 1; a CDN
   * then a load balancer: 2). The client's IP is the entry that many from the right; 0 uses the
   * socket's address. Set it to exactly your proxies: more lets clients pick their own address.
   */
  TRUSTED_PROXY_HOPS: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int().min(0).max(10).optional(),
  ),
  /** Deprecated: `true` is `TRUSTED_PROXY_HOPS=1`. */
  TRUST_PROXY: envVar.flag(false),

  /** Largest request body; room for a 5 MB media upload, base64-encoded in its variables. */
  MAX_REQUEST_BYTES: envVar.positiveInt(7_200_000),
  /** Longest query text; a 2,000-token operation is some 16 KB, the apps' longest 600 characters. */
  MAX_QUERY_CHARS: envVar.positiveInt(32_000),
  /** Longest list in the variables; no argument takes more than 500 items (`vendorsByIds`, `updateVendorLocations`). */
  MAX_LIST_ITEMS: envVar.positiveInt(500),
  /** Limits on every operation, checked before any subgraph is called. */
  MAX_DEPTH: envVar.positiveInt(12),
  MAX_ALIASES: envVar.positiveInt(15),
  MAX_DIRECTIVES: envVar.positiveInt(20),
  MAX_TOKENS: envVar.positiveInt(2_000),
  /** graphql-armor's estimate; a page of 500 map vendors costs about 31,000. */
  MAX_COST: envVar.positiveInt(50_000),

  /** `require`: callers without a partner key may only run the first-party apps' documents. */
  TRUSTED_DOCUMENTS: z.enum(["off", "require"]).default("off"),
  TRUSTED_DOCUMENTS_PATH: z
    .string()
    .min(1)
    .default(join(repoRoot(), "packages", "client", "src", "generated", "persisted-documents.json")),
  /** Schema introspection for anonymous callers; partner keys with INTROSPECT always may. Default: on outside production. */
  INTROSPECTION: z.enum(["true", "false"]).optional(),
});
export type RouterConfig = ReturnType<typeof routerEnv.parse>;

export function loadRouterConfig(env: NodeJS.ProcessEnv = process.env): RouterConfig {
  const config = loadConfig(routerEnv, env);
  if (config.NODE_ENV === "production" && !config.AUTH_JWKS_URL) {
    // The development issuer signs whatever `npm run token` asks for: never in production.
    throw new ConfigError("Invalid environment:\n  AUTH_JWKS_URL: required in production");
  }
  if (config.NODE_ENV === "production" && config.AUTH_JWKS_URL && !fetchedSafely(config.AUTH_JWKS_URL)) {
    // Whoever can answer this request in the clear can hand us their own keys, and sign any token.
    throw new ConfigError("Invalid environment:\n  AUTH_JWKS_URL: must be an https: URL in production");
  }
  return config;
}

/** https, or plain http to this machine's loopback, which no one off the machine can intercept. */
function fetchedSafely(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === "https:") return true;
  return (
    protocol === "http:" &&
    (hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname))
  );
}

/** The local issuer serves and signs tokens only in development, and only without a real provider. */
export const usesDevIssuer = (config: RouterConfig): boolean =>
  config.NODE_ENV !== "production" && !config.AUTH_JWKS_URL;

export const introspectionForAnyone = (config: RouterConfig): boolean =>
  config.INTROSPECTION ? config.INTROSPECTION === "true" : config.NODE_ENV !== "production";

/** `TRUSTED_PROXY_HOPS` when set, else 1 for the older `TRUST_PROXY=true`, else none. */
export const trustedProxyHops = (config: RouterConfig): number =>
  config.TRUSTED_PROXY_HOPS ?? (config.TRUST_PROXY ? 1 : 0);
