import type { MarketplaceModule } from "../module.js";
import { OnboardingResolver } from "./onboarding.resolver.js";
import { OnboardingService } from "./onboarding.service.js";
import { VendorOnboardingResolver } from "./vendor.onboarding.resolver.js";

declare module "../module.js" {
  interface MarketplaceServices {
    onboarding: OnboardingService;
  }
}

/** Onboarding keeps its state on the vendors' own records: it has no store of its own. */
export const onboardingModule: MarketplaceModule = {
  name: "onboarding",
  services: (stores) => ({ onboarding: new OnboardingService(stores.vendors) }),
  resolvers: [OnboardingResolver, VendorOnboardingResolver],
};
