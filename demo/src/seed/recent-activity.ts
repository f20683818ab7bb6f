import { personViewer } from "@venta/auth";
import type { EventBus } from "@venta/events";
import { greatCircleMeters } from "@venta/geo";
import { FavoritesService, type MarketplaceStores, ReviewsService } from "@venta/marketplace";
import { publishAnnounced } from "./announced.js";
import { AUSTIN, type DemoCity } from "./austin.js";
import { DEMO_ACCOUNTS } from "./demo-accounts.js";

/** How many vendors near downtown get recent activity, and how far out "near" reaches. */
export const RECENTLY_ACTIVE_VENDORS = 8;
const NEAR_DOWNTOWN_METERS = 2_500;
const HOUR = 3_600_000;

const REVIEWS = [
  { rating: 5, text: "Came back twice this week already. Still the best lunch downtown." },
  { rating: 4, text: "New special this week is great, the line moved fast too." },
  { rating: 5, text: "Found them by the river this evening: friendly and quick." },
] as const;

export interface RecentActivity {
  favorites: number;
  reviews: number;
}

/**
 * Favorites and reviews from the last three days for a few vendors near downtown, so
 * `trendingVendors` (which counts only the last 7 days) has something to show right after
 * `npm start`; the rest of the seed is dated long ago. Who acts for which vendor is the same on
 * every run; only the times are relative to `now`, the seeding time. Written through the services
 * the API uses, so the events trending counts are published with those times. People who already
 * favorited or reviewed a vendor are skipped: repeating an act would not count again.
 */
export async function seedRecentActivity(
  marketplace: MarketplaceStores,
  bus: EventBus,
  city: DemoCity,
  now: Date = new Date(),
): Promise<RecentActivity> {
  let clock = now;
  const favorites = new FavoritesService(
    marketplace.favorites,
    marketplace.vendors,
    marketplace.users,
    () => clock,
  );
  const reviews = new ReviewsService(marketplace.reviews, marketplace.vendors, marketplace.users, {
    now: () => clock,
  });
  const stored = new Map(
    (await marketplace.vendors.findByIds(city.vendors.map((v) => v.id))).map((v) => [v.id, v]),
  );
  const vendors = city.vendors
    .filter(
      (v) =>
        v.position &&
        stored.get(v.id)?.verification === "VERIFIED" &&
        greatCircleMeters(AUSTIN, v.position) <= NEAR_DOWNTOWN_METERS,
    )
    .slice(0, RECENTLY_ACTIVE_VENDORS);
  const people = [DEMO_ACCOUNTS.customer.id, ...city.owners.map((o) => o.id)];
  const result: RecentActivity = { favorites: 0, reviews: 0 };

  for (const [k, vendor] of vendors.entries()) {
    const ownerId = stored.get(vendor.id)?.ownerId;
    // The first vendors busiest: from 6 favorites down to 2, and a review for every other vendor.
    const fans = people.filter((p) => p !== ownerId).slice(k * 3, k * 3 + 6 - Math.floor(k / 2));
    const already = new Set(
      await Promise.all(
        fans.map(async (p) =>
          (await marketplace.favorites.favoritedAmong(p, [vendor.id])).length > 0 ? p : null,
        ),
      ),
    );
    for (const [j, userId] of fans.entries()) {
      if (already.has(userId)) continue;
      // Between 2 and 72 hours ago, spread out.
      clock = new Date(now.getTime() - (2 + ((k * 7 + j * 11) % 70)) * HOUR);
      await favorites.add(personViewer(userId, ["CUSTOMER"]), vendor.id);
      result.favorites += 1;
    }
    if (k % 2 === 0) {
      const authorId = fans.at(-1);
      if (!authorId || (await marketplace.reviews.findByAuthorAndVendor(authorId, vendor.id))) continue;
      const review = REVIEWS[k % REVIEWS.length] as (typeof REVIEWS)[number];
      clock = new Date(now.getTime() - (3 + ((k * 13) % 60)) * HOUR);
      await reviews.submit(personViewer(authorId, ["CUSTOMER"]), { vendorId: vendor.id, ...review });
      result.reviews += 1;
    }
  }
  await publishAnnounced(marketplace, bus);
  return result;
}
