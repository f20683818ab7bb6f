import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { anonymous, type Viewer } from "@venta/auth";
import { SqliteEventBus } from "@venta/events";
import type { RequestContext } from "@venta/kit";
import { testLogger } from "@venta/testing";
import { type ExecutionResult, execute, type GraphQLSchema, parse } from "graphql";
import { type MarketplaceServices, marketplaceContext, personalDataRegistry } from "./context.js";
import { FavoritesService } from "./favorites/favorites.service.js";
import { LoyaltyService } from "./loyalty/loyalty.service.js";
import { LocalFileStorage } from "./media/file-storage.local.js";
import { VendorMediaService } from "./media/vendor-media.service.js";
import { MenusService } from "./menus/menus.service.js";
import { OnboardingService } from "./onboarding/onboarding.service.js";
import { PartnerKeysService } from "./partners/partner-keys.service.js";
import { ReviewsService } from "./reviews/reviews.service.js";
import { SchedulesService } from "./schedules/schedules.service.js";
import { buildMarketplaceSchema } from "./schema.js";
import { LIVE_WINDOW_SECONDS, SearchService } from "./search/search.service.js";
import { openSqlite } from "./stores.js";
import { PersonalDataService } from "./users/personal-data.service.js";
import { UsersService } from "./users/users.service.js";
import { VendorsService } from "./vendors/vendors.service.js";

let cachedSchema: Promise<GraphQLSchema> | undefined;

/** The marketplace schema over in-memory SQLite, executed in-process: for resolver tests. */
export async function marketplaceHarness() {
  cachedSchema ??= buildMarketplaceSchema();
  const schema = await cachedSchema;
  const stores = openSqlite(":memory:");
  const bus = new SqliteEventBus(":memory:", testLogger);
  /** Uploaded files go to a throw-away directory, removed on close. */
  const mediaDir = mkdtempSync(join(tmpdir(), "venta-media-"));
  const files = new LocalFileStorage({ root: mediaDir, publicBaseUrl: "http://media.test" });
  const services: MarketplaceServices = {
    vendorsStore: stores.vendors,
    usersStore: stores.users,
    partnerKeysStore: stores.partnerKeys,
    vendors: new VendorsService(stores.vendors, stores.users, bus),
    users: new UsersService(stores.users, bus),
    partnerKeys: new PartnerKeysService(stores.partnerKeys),
    onboarding: new OnboardingService(stores.vendors, bus),
    vendorMediaStore: stores.vendorMedia,
    vendorMedia: new VendorMediaService(stores.vendorMedia, files, testLogger),
    reviewsStore: stores.reviews,
    reviews: new ReviewsService(stores.reviews, stores.vendors, stores.users, bus),
    favoritesStore: stores.favorites,
    favorites: new FavoritesService(stores.favorites, stores.vendors, bus),
    searchIndex: stores.searchIndex,
    search: new SearchService(stores.searchIndex, { liveWindowSeconds: LIVE_WINDOW_SECONDS }),
    menusStore: stores.menus,
    menus: new MenusService(stores.menus, bus),
    schedulesStore: stores.schedules,
    schedules: new SchedulesService(stores.schedules, bus),
    loyaltyPrograms: stores.loyaltyPrograms,
    points: stores.points,
    loyalty: new LoyaltyService({
      programs: stores.loyaltyPrograms,
      points: stores.points,
      positions: stores.vendorPositions,
      vendors: stores.vendors,
      accounts: new UsersService(stores.users, bus),
      bus,
    }),
    personalData: new PersonalDataService(stores.users, stores.vendors, personalDataRegistry(stores), bus),
  };
  const createContext = marketplaceContext(services);
  /** Runs an operation as `viewer`: anonymous unless given. */
  const run = async (
    query: string,
    variables?: Record<string, unknown>,
    viewer: Viewer = anonymous,
  ): Promise<ExecutionResult> => {
    const base: RequestContext = { requestId: "test", log: testLogger, viewer };
    return execute({
      schema,
      document: parse(query),
      variableValues: variables,
      contextValue: createContext(base),
    });
  };
  const close = async () => {
    await bus.close();
    await stores.close();
    rmSync(mediaDir, { recursive: true, force: true });
  };
  return { run, services, stores, bus, files, close };
}
