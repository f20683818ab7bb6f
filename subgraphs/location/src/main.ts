// First: starts tracing and error tracking before anything else loads.
import "./telemetry.start.js";
import { openEventBus, startOutboxRelay, watchEvents } from "@venta/events";
import {
  assembleServices,
  ConfigError,
  closeOnSignals,
  createLogger,
  httpTimeouts,
  internalIdentity,
  shutdownTelemetry,
  startModules,
  startSubgraphServer,
  traceStores,
} from "@venta/kit";
import { openLiveFeed } from "@venta/live";
import { loadLocationConfig } from "./config.js";
import { locationContext } from "./context.js";
import { locationModules } from "./modules.js";
import { buildLocationSchema } from "./schema.js";
import { openLocationStores } from "./stores.js";

async function main(): Promise<void> {
  const config = loadLocationConfig();
  const log = createLogger("location", { level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const stores = traceStores(await openLocationStores(config));
  const bus = openEventBus(config, log);
  // Publishes what the stores committed to the outbox, including what a crash left unpublished.
  const relay = startOutboxRelay({ outbox: stores.outbox, bus, log, service: "location" });
  // Bus lag and the outbox's depth and age, read on each /metrics scrape.
  const eventMetrics = watchEvents("location", bus, stores.outbox);
  const feed = openLiveFeed(config, log);
  const services = assembleServices(locationModules, stores, {
    feed,
    liveWindowSeconds: config.LIVE_WINDOW_SECONDS,
    now: () => new Date(),
  });
  const background = startModules(locationModules, services, { bus, log, config });
  const server = await startSubgraphServer({
    name: "location",
    host: config.HOST,
    port: config.LOCATION_PORT,
    timeouts: httpTimeouts(config),
    log,
    schema: await buildLocationSchema(),
    identity: internalIdentity(config),
    createContext: locationContext(locationModules, services),
    healthChecks: { store: () => stores.ping(), eventBus: () => bus.ping() },
  });
  log.info(
    { store: config.MONGODB_URI ? "mongodb" : "sqlite", eventBus: config.REDIS_URL ? "redis" : "sqlite" },
    "adapters",
  );
  closeOnSignals(log, [
    eventMetrics,
    () => server.stop(),
    ...background,
    () => feed.close(),
    () => relay.stop(),
    () => bus.close(),
    () => stores.close(),
    shutdownTelemetry,
  ]);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
