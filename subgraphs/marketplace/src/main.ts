import { openEventBus } from "@venta/events";
import { ConfigError, closeOnSignals, createLogger, internalIdentity, startSubgraphServer } from "@venta/kit";
import { loadMarketplaceConfig } from "./config.js";
import { marketplaceContext } from "./context.js";
import {
  PARTNER_KEY_VERIFICATION_PATH,
  partnerKeyVerificationRoute,
} from "./partners/partner-key-verification.route.js";
import { PartnerKeysService } from "./partners/partner-keys.service.js";
import { buildMarketplaceSchema } from "./schema.js";
import { openMarketplaceStores } from "./stores.js";
import { UsersService } from "./users/users.service.js";
import { VendorsService } from "./vendors/vendors.service.js";

async function main(): Promise<void> {
  const config = loadMarketplaceConfig();
  const log = createLogger("marketplace", { level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const stores = await openMarketplaceStores(config);
  const bus = openEventBus(config, log);
  const identity = internalIdentity(config);
  const partnerKeys = new PartnerKeysService(stores.partnerKeys);
  const server = await startSubgraphServer({
    name: "marketplace",
    host: config.HOST,
    port: config.MARKETPLACE_PORT,
    log,
    schema: await buildMarketplaceSchema(),
    identity,
    createContext: marketplaceContext({
      vendorsStore: stores.vendors,
      usersStore: stores.users,
      partnerKeysStore: stores.partnerKeys,
      vendors: new VendorsService(stores.vendors, stores.users, bus),
      users: new UsersService(stores.users, bus),
      partnerKeys,
    }),
    routes: {
      [PARTNER_KEY_VERIFICATION_PATH]: partnerKeyVerificationRoute({ partnerKeys, identity, log }),
    },
    healthChecks: { store: () => stores.ping(), eventBus: () => bus.ping() },
  });
  log.info(
    { store: config.MONGODB_URI ? "mongodb" : "sqlite", eventBus: config.REDIS_URL ? "redis" : "sqlite" },
    "adapters",
  );
  closeOnSignals(log, [() => server.stop(), () => bus.close(), () => stores.close()]);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
