export { loadMarketplaceConfig, type MarketplaceConfig } from "./config.js";
// Every module, for tools that assemble some of them. Exporting them also brings each module's
// members of the marketplace interfaces (declared in its *.module.ts) to the packages using these
// types: a module missing here leaves its stores off `MarketplaceStores` for them (modules.test.ts).
export { favoritesModule } from "./favorites/favorites.module.js";
export { FavoritesService } from "./favorites/favorites.service.js";
export { vendorPositionsProjection } from "./loyalty/loyalty.consumer.js";
export { loyaltyModule } from "./loyalty/loyalty.module.js";
export { LoyaltyService } from "./loyalty/loyalty.service.js";
export { mediaModule } from "./media/media.module.js";
export { menusModule } from "./menus/menus.module.js";
export { type MenuImport, MenusService } from "./menus/menus.service.js";
export type { MarketplaceModule } from "./module.js";
export { marketplaceModules } from "./modules.js";
export { onboardingModule } from "./onboarding/onboarding.module.js";
export { OnboardingService } from "./onboarding/onboarding.service.js";
export { PartnerKeysService } from "./partners/partner-keys.service.js";
export { partnersModule } from "./partners/partners.module.js";
export { reviewsModule } from "./reviews/reviews.module.js";
export { ReviewsService } from "./reviews/reviews.service.js";
export type { ScheduleInput } from "./schedules/schedule.validation.js";
export { schedulesModule } from "./schedules/schedules.module.js";
export { SchedulesService } from "./schedules/schedules.service.js";
export { buildMarketplaceSchema } from "./schema.js";
export { searchModule } from "./search/search.module.js";
export { followSearchEvents, searchProjection } from "./search/search.projection.js";
export {
  assembleMongoStores,
  type MarketplaceStores,
  migrateMarketplaceSqlite,
  openMarketplaceStores,
} from "./stores.js";
export { usersModule } from "./users/users.module.js";
export { UsersService } from "./users/users.service.js";
export { SqliteUsersStore } from "./users/users.store.sqlite.js";
export { vendorsModule } from "./vendors/vendors.module.js";
export { VendorsService } from "./vendors/vendors.service.js";
export { SqliteVendorsStore } from "./vendors/vendors.store.sqlite.js";
