import { personViewer } from "@venta/auth";
import type { EventBus } from "@venta/events";
import { FavoritesService, type MarketplaceStores } from "@venta/marketplace";
import { publishAnnounced } from "./announced.js";
import { type DemoCity, seededRandom } from "./austin.js";
import { DEMO_ACCOUNTS } from "./demo-accounts.js";

/** How many vendors the demo customer has among their favorites. */
export const DEMO_CUSTOMER_FAVORITES = 5;

const EPOCH = Date.UTC(2025, 6, 1);
const HOUR = 3_600_000;

/**
 * Favorites through the service the API uses, on a clock of their own so every run is the same:
 * the demo customer favorites the first 5 verified vendors on the map (the demo vendor's trucks
 * among them), and the city's people 0 to 2 vendors each, so `favoritesCount` varies.
 */
export async function seedFavorites(
  marketplace: MarketplaceStores,
  bus: EventBus,
  city: DemoCity,
): Promise<number> {
  const random = seededRandom(5151);
  let clock = new Date(EPOCH);
  const favorites = new FavoritesService(
    marketplace.favorites,
    marketplace.vendors,
    marketplace.users,
    () => clock,
  );
  const verified = new Set(
    (await marketplace.vendors.findByIds(city.vendors.map((v) => v.id)))
      .filter((v) => v.verification === "VERIFIED")
      .map((v) => v.id),
  );
  const candidates = city.vendors.filter((v) => verified.has(v.id));
  let added = 0;
  const favorite = async (userId: string, vendorId: string) => {
    clock = new Date(clock.getTime() + HOUR);
    await favorites.add(personViewer(userId, ["CUSTOMER"]), vendorId);
    added += 1;
  };
  for (const vendor of candidates.filter((v) => v.position).slice(0, DEMO_CUSTOMER_FAVORITES))
    await favorite(DEMO_ACCOUNTS.customer.id, vendor.id);
  if (candidates.length === 0) {
    await publishAnnounced(marketplace, bus);
    return added;
  }
  for (const owner of city.owners) {
    const picks = new Set<string>();
    const count = Math.min(Math.floor(random() * 3), candidates.length);
    while (picks.size < count)
      picks.add((candidates[Math.floor(random() * candidates.length)] as { id: string }).id);
    for (const vendorId of picks) await favorite(owner.id, vendorId);
  }
  await publishAnnounced(marketplace, bus);
  return added;
}
