import { ConfigError, closeOnSignals, createLogger } from "@venta/kit";
import { loadRouterConfig } from "./config.js";
import { startRouter } from "./router-server.js";
import { subgraphUrls } from "./subgraphs.js";

async function main(): Promise<void> {
  const config = loadRouterConfig();
  const log = createLogger("router", { level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const router = await startRouter({
    host: config.HOST,
    port: config.ROUTER_PORT,
    supergraphPath: config.SUPERGRAPH_PATH,
    subgraphUrls: subgraphUrls(),
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    log,
  });
  closeOnSignals(log, [() => router.stop()]);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
