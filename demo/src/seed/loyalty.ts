import type { EventBus } from "@venta/events";
import { LoyaltyService, type MarketplaceStores, UsersService } from "@venta/marketplace";
import { publishAnnounced } from "./announced.js";
import type { DemoCity } from "./austin.js";
import { DEMO_ACCOUNTS, DEMO_VENDOR_FLEET } from "./demo-accounts.js";

const EPOCH = Date.UTC(2025, 7, 1);
const DAY = 86_400_000;

/** The demo vendor's program: the same on every truck, so the demo customer can compare tiers. */
const PROGRAM = {
  pointsPerCheckIn: 10,
  pointsPerReview: 25,
  pointsPerPurchaseUnit: 1,
  purchaseUnitMinor: 100,
  tiers: [
    { name: "BRONZE", threshold: 0 },
    { name: "SILVER", threshold: 200 },
    { name: "GOLD", threshold: 500 },
  ],
  rewards: [
    { name: "Free drink", costPoints: 60 },
    { name: "Free taco", costPoints: 120 },
    { name: "Combo meal for two", costPoints: 400 },
  ],
};

/** The demo customer's history at each truck: purchases in cents, then what they redeemed. */
const HISTORY: { purchases: number[]; redeem: string | null }[] = [
  { purchases: [4450, 6275, 2980, 5120, 3800], redeem: "Free taco" },
  { purchases: [650, 1200], redeem: null },
  { purchases: [4200], redeem: "Free drink" },
];

export interface SeededLoyalty {
  programs: number;
  entries: number;
}

/**
 * Loyalty through the service the API uses, on a clock of its own so every run is the same: the
 * demo vendor's trucks (the first ones on the map) run a program with three rewards, and the demo
 * customer has a welcome bonus, a few purchases and a redemption at them, so `me { loyalty }`
 * shows balances, tiers and a ledger. Published reviews seeded elsewhere earn their points once
 * marketplace's loyalty consumer reads their events.
 */
export async function seedLoyalty(
  marketplace: MarketplaceStores,
  bus: EventBus,
  city: DemoCity,
): Promise<SeededLoyalty> {
  let clock = new Date(EPOCH);
  const tick = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const loyalty = new LoyaltyService({
    programs: marketplace.loyaltyPrograms,
    points: marketplace.points,
    positions: marketplace.vendorPositions,
    checkIns: marketplace.checkIns,
    vendors: marketplace.vendors,
    accounts: new UsersService(marketplace.users),
    now: () => clock,
  });
  const fleet = city.vendors.filter((vendor) => vendor.position).slice(0, DEMO_VENDOR_FLEET);
  const customer = DEMO_ACCOUNTS.customer.id;
  let entries = 0;
  for (const [i, vendor] of fleet.entries()) {
    const program = await loyalty.configure(vendor.id, PROGRAM);
    tick(DAY);
    await loyalty.adjust(customer, vendor.id, 50, "welcome-bonus");
    entries += 1;
    const history = HISTORY[i % HISTORY.length] ?? { purchases: [], redeem: null };
    for (const [n, amountMinor] of history.purchases.entries()) {
      tick(3 * DAY);
      await loyalty.recordPurchase({
        purchaseId: `demo-purchase-${vendor.id}-${n + 1}`,
        userId: customer,
        vendorId: vendor.id,
        amountMinor,
        currency: "USD",
        at: clock.toISOString(),
      });
      entries += 1;
    }
    const reward = program.rewards.find((r) => r.name === history.redeem);
    if (reward) {
      tick(DAY);
      await loyalty.redeem(customer, reward.id);
      entries += 1;
    }
  }
  await publishAnnounced(marketplace, bus);
  return { programs: fleet.length, entries };
}
