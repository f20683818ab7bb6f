import type { DeletedAccounts } from "@venta/auth";
import type { Logger } from "@venta/kit";
import { type MarketplaceServices, personalDataRegistry } from "./context.js";
import { FavoritesService } from "./favorites/favorites.service.js";
import type { CheckInRules } from "./loyalty/check-in-rules.js";
import { LoyaltyService } from "./loyalty/loyalty.service.js";
import type { DocumentLinks } from "./media/document-links.js";
import type { FileStorage } from "./media/file-storage.js";
import { VendorMediaService } from "./media/vendor-media.service.js";
import { MenusService } from "./menus/menus.service.js";
import { OnboardingService } from "./onboarding/onboarding.service.js";
import { PartnerKeysService } from "./partners/partner-keys.service.js";
import { ReviewsService } from "./reviews/reviews.service.js";
import { SchedulesService } from "./schedules/schedules.service.js";
import { LIVE_WINDOW_SECONDS, SearchService } from "./search/search.service.js";
import type { MarketplaceStores } from "./stores.js";
import { PersonalDataService } from "./users/personal-data.service.js";
import { UsersService } from "./users/users.service.js";
import { VendorsService } from "./vendors/vendors.service.js";

/** What the services take from configuration. */
export interface MarketplaceSettings {
  /** Mints the expiring links business documents are read through. */
  documentLinks: DocumentLinks;
  checkInRules: CheckInRules;
  /** Where routers learn of a deletion on the person's next request; none without Redis (they ask us). */
  deletedAccounts?: DeletedAccounts;
}

/** Every module's rules over the stores, wired once: the server and the tests' harness share this. */
export function marketplaceServices(
  stores: MarketplaceStores,
  files: FileStorage,
  log: Logger,
  { documentLinks, checkInRules, deletedAccounts }: MarketplaceSettings,
): MarketplaceServices {
  const users = new UsersService(stores.users);
  return {
    vendorsStore: stores.vendors,
    usersStore: stores.users,
    partnerKeysStore: stores.partnerKeys,
    vendors: new VendorsService(stores.vendors, stores.users),
    users,
    partnerKeys: new PartnerKeysService(stores.partnerKeys),
    onboarding: new OnboardingService(stores.vendors),
    vendorMediaStore: stores.vendorMedia,
    vendorMedia: new VendorMediaService(stores.vendorMedia, files, log),
    documentLinks,
    reviewsStore: stores.reviews,
    reviews: new ReviewsService(stores.reviews, stores.vendors, stores.users),
    favoritesStore: stores.favorites,
    favorites: new FavoritesService(stores.favorites, stores.vendors, stores.users),
    searchIndex: stores.searchIndex,
    search: new SearchService(stores.searchIndex, { liveWindowSeconds: LIVE_WINDOW_SECONDS }),
    menusStore: stores.menus,
    menus: new MenusService(stores.menus),
    schedulesStore: stores.schedules,
    schedules: new SchedulesService(stores.schedules),
    loyaltyPrograms: stores.loyaltyPrograms,
    points: stores.points,
    loyalty: new LoyaltyService({
      programs: stores.loyaltyPrograms,
      points: stores.points,
      positions: stores.vendorPositions,
      checkIns: stores.checkIns,
      checkInRules,
      vendors: stores.vendors,
      accounts: users,
    }),
    personalData: new PersonalDataService(
      stores.users,
      stores.vendors,
      personalDataRegistry(stores),
      deletedAccounts,
    ),
  };
}
