import { favoritesModule } from "./favorites/favorites.module.js";
import { loyaltyModule } from "./loyalty/loyalty.module.js";
import { mediaModule } from "./media/media.module.js";
import { menusModule } from "./menus/menus.module.js";
import type { MarketplaceModule } from "./module.js";
import { onboardingModule } from "./onboarding/onboarding.module.js";
import { partnersModule } from "./partners/partners.module.js";
import { reviewsModule } from "./reviews/reviews.module.js";
import { schedulesModule } from "./schedules/schedules.module.js";
import { searchModule } from "./search/search.module.js";
import { usersModule } from "./users/users.module.js";
import { vendorsModule } from "./vendors/vendors.module.js";

/**
 * Every marketplace module, in order. A module comes after those whose services it builds on
 * (loyalty uses users'). Users comes before every other module holding personal data: exports
 * follow this order (the account first) and erasers run in the reverse order, so the account is
 * erased last and stays live until the rest is gone (see `personalDataRegistry`).
 */
export const marketplaceModules: readonly MarketplaceModule[] = [
  vendorsModule,
  usersModule,
  partnersModule,
  onboardingModule,
  mediaModule,
  menusModule,
  schedulesModule,
  loyaltyModule,
  reviewsModule,
  favoritesModule,
  searchModule,
];
