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
});
export type RouterConfig = ReturnType<typeof routerEnv.parse>;

export const loadRouterConfig = (env: NodeJS.ProcessEnv = process.env): RouterConfig =>
  loadConfig(routerEnv, env);
