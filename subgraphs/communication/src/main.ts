// First: starts tracing and error tracking before anything else loads.
import "./telemetry.start.js";
import { openEventBus, startOutboxRelay, watchEvents } from "@venta/events";
import {
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
import { loadCommunicationConfig } from "./config.js";
import { communicationModules } from "./modules.js";
import { buildCommunicationSchema } from "./schema.js";
import { communicationContext, communicationServices } from "./services.js";
import { openCommunicationStores } from "./stores.js";
import { webhookRoutes } from "./webhooks/webhooks.js";

async function main(): Promise<void> {
  const config = loadCommunicationConfig();
  const log = createLogger("communication", { level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const stores = traceStores(await openCommunicationStores(config, log));
  const bus = openEventBus(config, log);
  const identity = internalIdentity(config);
  const services = communicationServices(stores, bus, config, log);
  // Events recorded with communication's writes reach the bus through this relay, ids kept.
  const outboxRelay = startOutboxRelay({ outbox: stores.outbox, bus, log, service: "communication" });
  // Bus lag and the outbox's depth and age, read on each /metrics scrape.
  const eventMetrics = watchEvents("communication", bus, stores.outbox);
  const background = startModules(communicationModules, services, { bus, log, config, identity });
  const server = await startSubgraphServer({
    name: "communication",
    host: config.HOST,
    port: config.COMMUNICATION_PORT,
    timeouts: httpTimeouts(config),
    log,
    schema: await buildCommunicationSchema(),
    identity,
    createContext: communicationContext(services),
    routes: { ...webhookRoutes(services.webhooks, config, log) },
    healthChecks: {
      store: () => stores.ping(),
      eventBus: () => bus.ping(),
      deliveryQueue: () => services.delivery.queue.ping(),
    },
    // The router forwards its clients' chat subscriptions here.
    subscriptions: true,
    maxSocketMessageBytes: config.WS_MAX_MESSAGE_BYTES,
  });
  log.info(
    { store: config.MONGODB_URI ? "mongodb" : "sqlite", eventBus: config.REDIS_URL ? "redis" : "sqlite" },
    "adapters",
  );
  closeOnSignals(log, [
    eventMetrics,
    () => server.stop(),
    ...background,
    () => outboxRelay.stop(),
    () => bus.close(),
    () => stores.close(),
    shutdownTelemetry,
  ]);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
