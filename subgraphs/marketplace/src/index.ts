export { loadMarketplaceConfig, type MarketplaceConfig } from "./config.js";
export { FavoritesService } from "./favorites/favorites.service.js";
export { vendorPositionsProjection } from "./loyalty/loyalty.consumer.js";
export { LoyaltyService } from "./loyalty/loyalty.service.js";
export { type MenuImport, MenusService } from "./menus/menus.service.js";
export { OnboardingService } from "./onboarding/onboarding.service.js";
export { PartnerKeysService } from "./partners/partner-keys.service.js";
export { ReviewsService } from "./reviews/reviews.service.js";
export type { ScheduleInput } from "./schedules/schedule.validation.js";
export { SchedulesService } from "./schedules/schedules.service.js";
export { buildMarketplaceSchema } from "./schema.js";
export { followSearchEvents, searchProjection } from "./search/search.projection.js";
export {
  assembleMongoStores,
  type MarketplaceStores,
  migrateMarketplaceSqlite,
  openMarketplaceStores,
} from "./stores.js";
export { UsersService } from "./users/users.service.js";
export { SqliteUsersStore } from "./users/users.store.sqlite.js";
export { VendorsService } from "./vendors/vendors.service.js";
export { SqliteVendorsStore } from "./vendors/vendors.store.sqlite.js";
