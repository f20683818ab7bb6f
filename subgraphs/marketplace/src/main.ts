import { openEventBus } from "@venta/events";
import { ConfigError, closeOnSignals, createLogger, internalIdentity, startSubgraphServer } from "@venta/kit";
import { loadMarketplaceConfig } from "./config.js";
import { marketplaceContext, personalDataRegistry } from "./context.js";
import { FavoritesService } from "./favorites/favorites.service.js";
import { earnLoyaltyPoints, followVendorPositions } from "./loyalty/loyalty.consumers.js";
import { LoyaltyService } from "./loyalty/loyalty.service.js";
import { MAX_UPLOAD_REQUEST_BYTES } from "./media/media-content.js";
import { openFileStorage } from "./media/open-file-storage.js";
import { VendorMediaService } from "./media/vendor-media.service.js";
import { MenusService } from "./menus/menus.service.js";
import { OnboardingService } from "./onboarding/onboarding.service.js";
import {
  PARTNER_KEY_VERIFICATION_PATH,
  partnerKeyVerificationRoute,
} from "./partners/partner-key-verification.route.js";
import { PartnerKeysService } from "./partners/partner-keys.service.js";
import { ReviewsService } from "./reviews/reviews.service.js";
import { startHorizonRefresher } from "./schedules/horizon-refresher.js";
import { SchedulesService } from "./schedules/schedules.service.js";
import { buildMarketplaceSchema } from "./schema.js";
import { followSearchEvents } from "./search/search.projection.js";
import { LIVE_WINDOW_SECONDS, SearchService } from "./search/search.service.js";
import { openMarketplaceStores } from "./stores.js";
import { PersonalDataService } from "./users/personal-data.service.js";
import { UsersService } from "./users/users.service.js";
import { VendorsService } from "./vendors/vendors.service.js";

async function main(): Promise<void> {
  const config = loadMarketplaceConfig();
  const log = createLogger("marketplace", { level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const stores = await openMarketplaceStores(config);
  const bus = openEventBus(config, log);
  const identity = internalIdentity(config);
  const partnerKeys = new PartnerKeysService(stores.partnerKeys);
  const media = openFileStorage(config);
  const searchIndexing = followSearchEvents(bus, stores.searchIndex, log);
  const users = new UsersService(stores.users, bus);
  const loyalty = new LoyaltyService({
    programs: stores.loyaltyPrograms,
    points: stores.points,
    positions: stores.vendorPositions,
    vendors: stores.vendors,
    accounts: users,
    bus,
  });
  // Check-ins measure against this projection of vendor positions; reviews and purchases earn points.
  const loyaltyPositions = followVendorPositions(bus, stores.vendorPositions, log);
  const loyaltyEarning = earnLoyaltyPoints(bus, loyalty, log);
  const schedules = new SchedulesService(stores.schedules, bus);
  // Location and search filter on published open intervals: keep their horizon ahead of the clock.
  const horizonRefresher = startHorizonRefresher({ schedules, intervalMs: config.SCHEDULE_REFRESH_MS, log });
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
      users,
      partnerKeys,
      onboarding: new OnboardingService(stores.vendors, bus),
      vendorMediaStore: stores.vendorMedia,
      vendorMedia: new VendorMediaService(stores.vendorMedia, media.storage, log),
      reviewsStore: stores.reviews,
      reviews: new ReviewsService(stores.reviews, stores.vendors, stores.users, bus),
      favoritesStore: stores.favorites,
      favorites: new FavoritesService(stores.favorites, stores.vendors, bus),
      searchIndex: stores.searchIndex,
      search: new SearchService(stores.searchIndex, { liveWindowSeconds: LIVE_WINDOW_SECONDS }),
      menusStore: stores.menus,
      menus: new MenusService(stores.menus, bus),
      schedulesStore: stores.schedules,
      schedules,
      loyaltyPrograms: stores.loyaltyPrograms,
      points: stores.points,
      loyalty,
      personalData: new PersonalDataService(stores.users, stores.vendors, personalDataRegistry(stores), bus),
    }),
    routes: {
      [PARTNER_KEY_VERIFICATION_PATH]: partnerKeyVerificationRoute({ partnerKeys, identity, log }),
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
    () => server.stop(),
    () => searchIndexing.stop(),
    () => loyaltyPositions.stop(),
    () => loyaltyEarning.stop(),
    () => horizonRefresher.stop(),
    () => bus.close(),
    () => stores.close(),
  ]);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
