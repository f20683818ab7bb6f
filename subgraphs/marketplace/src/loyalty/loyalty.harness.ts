import { personViewer } from "@venta/auth";
import { destinationPoint, type GeoPoint } from "@venta/geo";
import { marketplaceHarness } from "../marketplace.harness.js";
import type { LoyaltyProgramInput } from "./loyalty.validation.js";

export type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

/** Where the test vendor stands (downtown Austin). */
export const CART: GeoPoint = { lat: 30.2672, lng: -97.7431 };
/** A point `meters` north of the cart. */
export const northOfCart = (meters: number): GeoPoint => destinationPoint(CART, 0, meters);

export const PROGRAM: LoyaltyProgramInput = {
  pointsPerCheckIn: 10,
  pointsPerReview: 25,
  pointsPerPurchaseUnit: 2,
  purchaseUnitMinor: 100,
  tiers: [
    { name: "SILVER", threshold: 200 },
    { name: "BRONZE", threshold: 0 },
    { name: "GOLD", threshold: 500 },
  ],
  rewards: [
    { name: "Free coffee", costPoints: 100 },
    { name: "Free taco", costPoints: 250 },
  ],
};

export const owner = personViewer("owner-1", ["VENDOR", "CUSTOMER"]);
export const otherOwner = personViewer("owner-2", ["VENDOR"]);
export const customer = personViewer("customer-1", ["CUSTOMER"]);
export const otherCustomer = personViewer("customer-2", ["CUSTOMER"]);
export const admin = personViewer("admin-1", ["ADMIN"]);

/**
 * The marketplace harness with accounts for every viewer above, a verified vendor owned by
 * `owner` running `PROGRAM`, and a second verified vendor without a program.
 */
export async function loyaltyHarness() {
  const h = await marketplaceHarness();
  for (const [id, name] of [
    ["owner-1", "Olive Owner"],
    ["owner-2", "Otto Other"],
    ["customer-1", "Casey Customer"],
    ["customer-2", "Chris Customer"],
    ["admin-1", "Ada Admin"],
  ] as const)
    await h.services.users.register(name, { id });
  const vendor = await h.services.vendors.create(
    { name: "Taco Cart", cuisines: ["tacos"], ownerId: "owner-1" },
    { verified: true },
  );
  const plain = await h.services.vendors.create(
    { name: "Plain Cart", cuisines: ["coffee"], ownerId: "owner-2" },
    { verified: true },
  );
  const program = await h.services.loyalty.configure(vendor.id, PROGRAM);
  return { h, vendorId: vendor.id, plainVendorId: plain.id, program };
}
