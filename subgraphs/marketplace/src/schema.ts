import { buildSubgraph } from "@venta/kit";
import type { GraphQLSchema } from "graphql";
import { FavoritesResolver } from "./favorites/favorites.resolver.js";
import { UserFavoritesResolver } from "./favorites/user.favorites.resolver.js";
import { VendorFavoritesResolver } from "./favorites/vendor.favorites.resolver.js";
import {
  LoyaltyBalanceFieldsResolver,
  LoyaltyProgramFieldsResolver,
  PointsLedgerEntryFieldsResolver,
} from "./loyalty/loyalty.fields.resolver.js";
import { LoyaltyResolver } from "./loyalty/loyalty.resolver.js";
import { UserLoyaltyResolver } from "./loyalty/user.loyalty.resolver.js";
import { VendorLoyaltyResolver } from "./loyalty/vendor.loyalty.resolver.js";
import { VendorMediaFieldsResolver } from "./media/vendor.media.resolver.js";
import { VendorMediaResolver } from "./media/vendor-media.resolver.js";
import { MenusResolver } from "./menus/menus.resolver.js";
import { VendorMenuResolver } from "./menus/vendor.menu.resolver.js";
import { OnboardingResolver } from "./onboarding/onboarding.resolver.js";
import { VendorOnboardingResolver } from "./onboarding/vendor.onboarding.resolver.js";
import { PartnerKeysResolver } from "./partners/partner-keys.resolver.js";
import { ReviewsResolver } from "./reviews/reviews.resolver.js";
import { VendorReviewsResolver } from "./reviews/vendor.reviews.resolver.js";
import { SchedulesResolver } from "./schedules/schedules.resolver.js";
import { VendorScheduleResolver } from "./schedules/vendor.schedule.resolver.js";
import { SearchResolver } from "./search/search.resolver.js";
import { TrendingResolver } from "./search/trending.resolver.js";
import { PersonalDataResolver } from "./users/personal-data.resolver.js";
import { UserProfileResolver } from "./users/user.profile.resolver.js";
import { resolveUserReference } from "./users/user.reference.js";
import { UserVendorsResolver } from "./users/user.vendors.resolver.js";
import { UsersResolver } from "./users/users.resolver.js";
import { resolveVendorReference } from "./vendors/vendor.reference.js";
import { VendorsResolver } from "./vendors/vendors.resolver.js";

/** The marketplace subgraph schema: every module's resolvers and entity references. */
export function buildMarketplaceSchema(): Promise<GraphQLSchema> {
  return buildSubgraph({
    resolvers: [
      VendorsResolver,
      UsersResolver,
      UserVendorsResolver,
      PartnerKeysResolver,
      OnboardingResolver,
      VendorOnboardingResolver,
      VendorMediaResolver,
      VendorMediaFieldsResolver,
      ReviewsResolver,
      VendorReviewsResolver,
      FavoritesResolver,
      VendorFavoritesResolver,
      UserFavoritesResolver,
      SearchResolver,
      TrendingResolver,
      MenusResolver,
      VendorMenuResolver,
      SchedulesResolver,
      VendorScheduleResolver,
      UserProfileResolver,
      PersonalDataResolver,
      LoyaltyResolver,
      LoyaltyProgramFieldsResolver,
      LoyaltyBalanceFieldsResolver,
      PointsLedgerEntryFieldsResolver,
      VendorLoyaltyResolver,
      UserLoyaltyResolver,
    ],
    referenceResolvers: {
      Vendor: { __resolveReference: resolveVendorReference },
      User: { __resolveReference: resolveUserReference },
    },
  });
}
