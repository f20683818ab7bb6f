import { join } from "node:path";
import { baseEnv, envVar, loadConfig, repoRoot } from "@venta/kit";
import { z } from "zod";

export const routerEnv = baseEnv.extend({
  ROUTER_PORT: envVar.port(4000),
  SUPERGRAPH_PATH: z
    .string()
    .min(1)
    .default(join(repoRoot(), "schema", "supergraph.graphql")),
  /** How long the router waits for a subgraph before answering with partial data. */
  SUBGRAPH_TIMEOUT_MS: envVar.positiveInt(10_000),
  /** Must match location's: a live event's position is `isLive` within this many seconds. */
  LIVE_WINDOW_SECONDS: envVar.positiveInt(120),
  MAX_SUBSCRIPTIONS_PER_CONNECTION: envVar.positiveInt(20),
  /** A WebSocket that has not sent `connection_init` by then is closed. */
  WS_INIT_TIMEOUT_MS: envVar.positiveInt(5_000),
  /** Ping interval on subscription sockets; a client that misses a pong is dropped. */
  WS_KEEPALIVE_MS: envVar.positiveInt(12_000),
  /** Map tiles for `/map`; the map still works (plain background) when they cannot be reached. */
  MAP_TILE_URL: z.string().min(1).default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
});
export type RouterConfig = ReturnType<typeof routerEnv.parse>;

export const loadRouterConfig = (env: NodeJS.ProcessEnv = process.env): RouterConfig =>
  loadConfig(routerEnv, env);
