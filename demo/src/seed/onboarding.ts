import type { EventBus } from "@venta/events";
import { type MarketplaceStores, OnboardingService, VendorsService } from "@venta/marketplace";
import { publishAnnounced } from "./announced.js";
import type { DemoCity } from "./austin.js";
import { DEMO_ACCOUNTS } from "./demo-accounts.js";

/** Vendors still in onboarding, so every role has something to look at. */
const APPLICANTS = [
  { id: "onboarding-1", name: "Sunrise Kolaches", cuisines: ["breakfast", "czech"], steps: ["submit"] },
  { id: "onboarding-2", name: "Night Owl Noodles", cuisines: ["noodles", "thai"], steps: ["submit"] },
  { id: "onboarding-3", name: "Brisket Bus", cuisines: ["bbq"], steps: ["submit"] },
  { id: "onboarding-4", name: "Verde Juice Cart", cuisines: ["juice", "vegan"], steps: [], demo: true },
  {
    id: "onboarding-5",
    name: "Paleta Pedal Co",
    cuisines: ["desserts"],
    steps: ["submit", "reject"],
    demo: true,
  },
] as const;

const REJECTION = "The mobile food permit photo is unreadable: upload a sharper scan and submit again.";

/**
 * Vendors in every onboarding state: three SUBMITTED ones in the demo admin's review queue (owned
 * by city owners), and for the demo vendor one DRAFT and one REJECTED with a reason. None of them
 * is shown to customers. The demo vendor's verified fleet is seeded by `seedAustin` itself.
 */
export async function seedOnboarding(marketplace: MarketplaceStores, bus: EventBus, city: DemoCity) {
  const vendors = new VendorsService(marketplace.vendors, marketplace.users);
  const onboarding = new OnboardingService(marketplace.vendors);
  for (const [i, applicant] of APPLICANTS.entries()) {
    const owner =
      "demo" in applicant ? DEMO_ACCOUNTS.vendor.id : (city.owners[i]?.id ?? DEMO_ACCOUNTS.vendor.id);
    await vendors.create(
      { name: applicant.name, cuisines: applicant.cuisines, ownerId: owner, status: "CLOSED" },
      { id: applicant.id },
    );
    for (const step of applicant.steps) {
      if (step === "submit") await onboarding.submit(applicant.id, owner);
      else await onboarding.reject(applicant.id, DEMO_ACCOUNTS.admin.id, REJECTION);
    }
  }
  await publishAnnounced(marketplace, bus);
}
