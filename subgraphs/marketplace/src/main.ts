// First: starts tracing and error tracking before anything else loads.
import "./telemetry.start.js";
import { internalSecret, RedisDeletedAccounts } from "@venta/auth";
import { openEventBus, openEventStore, recordEvents, startOutboxRelay, watchEvents } from "@venta/events";
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
import { CALLER_VERIFICATION_PATH, callerVerificationRoute } from "./callers/caller-verification.route.js";
import { loadMarketplaceConfig } from "./config.js";
import { marketplaceContext } from "./context.js";
import { MAX_UPLOAD_REQUEST_BYTES } from "./media/media-content.js";
import { openFileStorage } from "./media/open-file-storage.js";
import { marketplaceModules } from "./modules.js";
import { PARTNER_KEY_STATUS_PATH, partnerKeyStatusRoute } from "./partners/partner-key-status.route.js";
import {
  PARTNER_KEY_VERIFICATION_PATH,
  partnerKeyVerificationRoute,
} from "./partners/partner-key-verification.route.js";
import { buildMarketplaceSchema } from "./schema.js";
import { marketplaceServices } from "./services.js";
import { openMarketplaceStores } from "./stores.js";

async function main(): Promise<void> {
  const config = loadMarketplaceConfig();
  const log = createLogger("marketplace", { level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const stores = traceStores(await openMarketplaceStores(config, log));
  const bus = openEventBus(config, log);
  // Publishes what the stores wrote to their outbox, at once, and what a crashed process left behind.
  const relay = startOutboxRelay({ outbox: stores.outbox, bus, log, service: "marketplace" });
  // Bus lag and the outbox's depth and age, read on each /metrics scrape.
  const eventMetrics = watchEvents("marketplace", bus, stores.outbox);
  // The history of every event on the bus, for queries by aggregate and replays (`npm run replay`).
  const eventStore = await openEventStore(config);
  const recording = recordEvents(bus, eventStore, log);
  const identity = internalIdentity(config);
  // Document links are keyed from the same shared secret, so every instance checks every other's.
  const sharedSecret = internalSecret({ configured: config.INTERNAL_AUTH_SECRET, dataDir: config.DATA_DIR });
  const media = openFileStorage(config, stores.vendorMedia, sharedSecret);
  const deletedAccounts = config.REDIS_URL ? new RedisDeletedAccounts(config.REDIS_URL) : undefined;
  const services = marketplaceServices(stores, {
    files: media.storage,
    log,
    deletedAccounts,
    documentLinks: media.documentLinks,
    checkInRules: {
      limitPerHour: config.CHECK_IN_LIMIT_PER_HOUR,
      maxSpeedKmh: config.CHECK_IN_MAX_SPEED_KMH,
    },
  });
  // Each module's background work: bus consumers (search index, loyalty) and the horizon refresher.
  const background = startModules(marketplaceModules, services, {
    bus,
    log,
    stores,
    config: { SCHEDULE_REFRESH_MS: config.SCHEDULE_REFRESH_MS },
  });
  const server = await startSubgraphServer({
    name: "marketplace",
    host: config.HOST,
    port: config.MARKETPLACE_PORT,
    timeouts: httpTimeouts(config),
    log,
    schema: await buildMarketplaceSchema(),
    identity,
    createContext: marketplaceContext(marketplaceModules, services),
    routes: {
      [CALLER_VERIFICATION_PATH]: callerVerificationRoute({
        users: stores.users,
        partnerKeys: services.partnerKeys,
        identity,
        log,
      }),
      [PARTNER_KEY_VERIFICATION_PATH]: partnerKeyVerificationRoute({
        partnerKeys: services.partnerKeys,
        identity,
        log,
      }),
      // Communication's webhook deliveries ask it, so a revoked key's deliveries stop at once.
      [PARTNER_KEY_STATUS_PATH]: partnerKeyStatusRoute({ partnerKeys: services.partnerKeys, identity, log }),
      ...media.routes,
    },
    // Photos and documents come inline in the GraphQL request, as base64.
    maxBodyBytes: MAX_UPLOAD_REQUEST_BYTES,
    healthChecks: { store: () => stores.ping(), eventBus: () => bus.ping() },
  });
  log.info(
    {
      store: config.MONGODB_URI ? "mongodb" : "sqlite",
      eventBus: config.REDIS_URL ? "redis" : "sqlite",
      files: media.kind,
    },
    "adapters",
  );
  closeOnSignals(log, [
    eventMetrics,
    () => server.stop(),
    ...background,
    () => recording.stop(),
    () => relay.stop(),
    () => bus.close(),
    () => eventStore.close(),
    () => stores.close(),
    async () => deletedAccounts?.close(),
    shutdownTelemetry,
  ]);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
