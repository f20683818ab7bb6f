import { openEventBus, startOutboxRelay } from "@venta/events";
import {
  ConfigError,
  closeOnSignals,
  createLogger,
  httpTimeouts,
  internalIdentity,
  startSubgraphServer,
} from "@venta/kit";
import { LiveHub, openLiveFeed } from "@venta/live";
import { loadLocationConfig } from "./config.js";
import { locationContext } from "./context.js";
import { followAccountDeletions } from "./geofences/account-deletions.js";
import { startOfflineSweeper } from "./live/offline-sweeper.js";
import { followSchedules } from "./projection/schedule-projection.js";
import { followVendors } from "./projection/vendor-projection.js";
import { buildLocationSchema } from "./schema.js";
import { openLocationStores } from "./stores.js";

async function main(): Promise<void> {
  const config = loadLocationConfig();
  const log = createLogger("location", { level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const stores = await openLocationStores(config);
  const bus = openEventBus(config, log);
  // Publishes what the stores committed to the outbox, including what a crash left unpublished.
  const relay = startOutboxRelay({ outbox: stores.outbox, bus, log });
  const projection = followVendors(bus, stores.positions, log);
  const schedules = followSchedules(bus, stores.positions, log);
  const accountDeletions = followAccountDeletions(bus, stores.geofences, log);
  const feed = openLiveFeed(config, log);
  const sweeper = startOfflineSweeper({
    positions: stores.positions,
    geofences: stores.geofences,
    feed,
    liveWindowSeconds: config.LIVE_WINDOW_SECONDS,
    intervalMs: config.OFFLINE_SWEEP_MS,
    log,
  });
  const server = await startSubgraphServer({
    name: "location",
    host: config.HOST,
    port: config.LOCATION_PORT,
    timeouts: httpTimeouts(config),
    log,
    schema: await buildLocationSchema(),
    identity: internalIdentity(config),
    createContext: locationContext({
      positions: stores.positions,
      geofences: stores.geofences,
      feed,
      hub: new LiveHub(feed),
      liveWindowSeconds: config.LIVE_WINDOW_SECONDS,
      now: () => new Date(),
    }),
    healthChecks: { store: () => stores.ping(), eventBus: () => bus.ping() },
  });
  log.info(
    { store: config.MONGODB_URI ? "mongodb" : "sqlite", eventBus: config.REDIS_URL ? "redis" : "sqlite" },
    "adapters",
  );
  closeOnSignals(log, [
    () => server.stop(),
    () => sweeper.stop(),
    () => projection.stop(),
    () => schedules.stop(),
    () => accountDeletions.stop(),
    () => feed.close(),
    () => relay.stop(),
    () => bus.close(),
    () => stores.close(),
  ]);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
