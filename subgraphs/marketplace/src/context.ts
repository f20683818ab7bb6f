import { keyedLoader, type RequestContext } from "@venta/kit";
import type DataLoader from "dataloader";
import { type FavoriteLoaders, favoriteLoaders } from "./favorites/favorite.loader.js";
import { FavoritesPersonalData } from "./favorites/favorites.personal-data.js";
import type { FavoritesService } from "./favorites/favorites.service.js";
import type { FavoritesStore } from "./favorites/favorites.store.js";
import { type LoyaltyLoaders, loyaltyLoaders } from "./loyalty/loyalty.loader.js";
import { LoyaltyPersonalData } from "./loyalty/loyalty.personal-data.js";
import type { LoyaltyService } from "./loyalty/loyalty.service.js";
import type { LoyaltyProgramsStore } from "./loyalty/loyalty-programs.store.js";
import type { PointsStore } from "./loyalty/points.store.js";
import type { DocumentLinks } from "./media/document-links.js";
import { vendorMediaLoader } from "./media/vendor-media.loader.js";
import type { VendorMediaRecord } from "./media/vendor-media.record.js";
import type { VendorMediaService } from "./media/vendor-media.service.js";
import type { VendorMediaStore } from "./media/vendor-media.store.js";
import { menuLoader } from "./menus/menu.loader.js";
import type { MenuRecord } from "./menus/menu.record.js";
import type { MenusService } from "./menus/menus.service.js";
import type { MenusStore } from "./menus/menus.store.js";
import type { OnboardingService } from "./onboarding/onboarding.service.js";
import type { PartnerKeysService } from "./partners/partner-keys.service.js";
import type { PartnerKeysStore } from "./partners/partner-keys.store.js";
import { type ReviewLoaders, reviewLoaders } from "./reviews/review.loader.js";
import { ReviewsPersonalData } from "./reviews/reviews.personal-data.js";
import type { ReviewsService } from "./reviews/reviews.service.js";
import type { ReviewsStore } from "./reviews/reviews.store.js";
import { scheduleLoader } from "./schedules/schedule.loader.js";
import type { ScheduleRecord } from "./schedules/schedule.record.js";
import type { SchedulesService } from "./schedules/schedules.service.js";
import type { SchedulesStore } from "./schedules/schedules.store.js";
import { type SearchLoaders, searchLoaders } from "./search/search.loader.js";
import { SearchPersonalData } from "./search/search.personal-data.js";
import type { SearchService } from "./search/search.service.js";
import type { SearchIndex } from "./search/search.store.js";
import type { MarketplaceStores } from "./stores.js";
import type { PersonalDataRegistry } from "./users/personal-data.js";
import type { PersonalDataService } from "./users/personal-data.service.js";
import type { UserRecord } from "./users/user.record.js";
import { userProfileLoader } from "./users/user-profile.loader.js";
import type { UserProfileRecord } from "./users/user-profile.record.js";
import { UsersPersonalData } from "./users/users.personal-data.js";
import type { UsersService } from "./users/users.service.js";
import type { UsersStore } from "./users/users.store.js";
import type { VendorRecord } from "./vendors/vendor.record.js";
import type { VendorsService } from "./vendors/vendors.service.js";
import type { VendorsStore } from "./vendors/vendors.store.js";

/** Process-wide: the stores and the rules on top of them. */
export interface MarketplaceServices {
  vendorsStore: VendorsStore;
  usersStore: UsersStore;
  partnerKeysStore: PartnerKeysStore;
  vendors: VendorsService;
  users: UsersService;
  partnerKeys: PartnerKeysService;
  onboarding: OnboardingService;
  vendorMediaStore: VendorMediaStore;
  vendorMedia: VendorMediaService;
  /** Mints the expiring links business documents are read through. */
  documentLinks: DocumentLinks;
  reviewsStore: ReviewsStore;
  reviews: ReviewsService;
  favoritesStore: FavoritesStore;
  favorites: FavoritesService;
  searchIndex: SearchIndex;
  search: SearchService;
  menusStore: MenusStore;
  menus: MenusService;
  schedulesStore: SchedulesStore;
  schedules: SchedulesService;
  loyaltyPrograms: LoyaltyProgramsStore;
  points: PointsStore;
  loyalty: LoyaltyService;
  personalData: PersonalDataService;
}

/** Per request: the services plus loaders that batch and cache reads for this request only. */
export interface MarketplaceContext extends RequestContext {
  services: MarketplaceServices;
  loaders: {
    vendor: DataLoader<string, VendorRecord | null>;
    user: DataLoader<string, UserRecord | null>;
    vendorMedia: DataLoader<string, VendorMediaRecord[]>;
    vendorRating: ReviewLoaders["vendorRating"];
    reviewMarkedHelpful: ReviewLoaders["reviewMarkedHelpful"];
    isFavorite: FavoriteLoaders["isFavorite"];
    favoritesCount: FavoriteLoaders["favoritesCount"];
    searchDocument: SearchLoaders["searchDocument"];
    menu: DataLoader<string, MenuRecord>;
    schedule: DataLoader<string, ScheduleRecord | null>;
    userProfile: DataLoader<string, UserProfileRecord | null>;
    loyaltyProgram: LoyaltyLoaders["loyaltyProgram"];
  };
}

export function marketplaceContext(services: MarketplaceServices) {
  return (base: RequestContext): MarketplaceContext => ({
    ...base,
    services,
    loaders: {
      vendor: keyedLoader(
        (ids: readonly string[]) => services.vendorsStore.findByIds(ids),
        (v) => v.id,
      ),
      user: keyedLoader(
        (ids: readonly string[]) => services.usersStore.findByIds(ids),
        (u) => u.id,
      ),
      vendorMedia: vendorMediaLoader(services.vendorMediaStore),
      ...reviewLoaders(services, base.viewer),
      ...favoriteLoaders(services, base.viewer),
      ...searchLoaders(services),
      menu: menuLoader(services.menusStore),
      schedule: scheduleLoader(services.schedulesStore),
      userProfile: userProfileLoader(services.usersStore),
      ...loyaltyLoaders(services.loyaltyPrograms),
    },
  });
}

/**
 * Every module holding personal data, for `deleteMyAccount` and `myDataExport` (see
 * users/personal-data.ts): add your module's eraser and exporter here. The users module's eraser
 * stays last.
 */
export function personalDataRegistry(stores: MarketplaceStores): PersonalDataRegistry {
  const users = new UsersPersonalData(stores.users);
  const loyalty = new LoyaltyPersonalData(stores.points, stores.checkIns);
  const reviews = new ReviewsPersonalData(stores.reviews);
  const favorites = new FavoritesPersonalData(stores.favorites);
  const search = new SearchPersonalData(stores.searchIndex);
  return {
    erasers: [loyalty, reviews, favorites, search, users],
    exporters: [users, loyalty, reviews, favorites],
  };
}
