import { type DomainEvent, SqliteEventBus } from "@venta/events";
import {
  followSearchEvents,
  type MarketplaceStores,
  openMarketplaceStores,
  UsersService,
  VendorsService,
} from "@venta/marketplace";
import { testLogger } from "@venta/testing";
import { afterEach, describe, expect, it } from "vitest";
import { AUSTIN, austinCity, type DemoCity } from "./austin.js";
import { DEMO_ACCOUNTS } from "./demo-accounts.js";
import { seedFavorites } from "./favorites.js";
import { RECENTLY_ACTIVE_VENDORS, seedRecentActivity } from "./recent-activity.js";
import { seedReviews } from "./reviews.js";

const DAY = 86_400_000;

/** Accounts, verified vendors and announced positions of a small city, as `seedAustin` writes them. */
async function seededCity(city: DemoCity) {
  const marketplace = await openMarketplaceStores({ DATA_DIR: ":memory:" });
  const bus = new SqliteEventBus(":memory:", testLogger, 5);
  const users = new UsersService(marketplace.users);
  const vendors = new VendorsService(marketplace.vendors, marketplace.users);
  for (const person of [...Object.values(DEMO_ACCOUNTS), ...city.owners])
    await users.register(person.displayName, { id: person.id });
  for (const vendor of city.vendors) {
    await vendors.create(
      { name: vendor.name, cuisines: vendor.cuisines, ownerId: vendor.ownerId },
      { id: vendor.id, verified: true, now: new Date(Date.UTC(2025, 0, 1)) },
    );
    if (vendor.position)
      await bus.publish("location.vendor_location_updated", {
        vendorId: vendor.id,
        ...vendor.position,
        accuracyMeters: 8,
        heading: null,
        recordedAt: new Date(Date.UTC(2025, 0, 1)).toISOString(),
      });
  }
  // The rest of the seed, dated long ago.
  await seedReviews(marketplace, bus, city);
  await seedFavorites(marketplace, bus, city);
  return { marketplace, bus };
}

/** Who did what for whom, and how long before `now`: the acts trending counts. */
async function actsOf(bus: SqliteEventBus, now: Date): Promise<string[]> {
  const acts: string[] = [];
  let done = false;
  const consumption = bus.consume(
    `acts-${Math.random()}`,
    ["marketplace.favorite_added", "marketplace.review_submitted", "marketplace.user_registered"],
    (event: DomainEvent) => {
      const p = event.payload as { vendorId?: string; userId?: string; authorId?: string; at?: string };
      if (event.type === "marketplace.user_registered") {
        if (p.userId === "sentinel") done = true;
        return;
      }
      const at = p.at ?? (event.payload as { submittedAt: string }).submittedAt;
      const age = now.getTime() - Date.parse(at);
      if (age < 7 * DAY) acts.push(`${event.type} ${p.userId ?? p.authorId} ${p.vendorId} ${age}`);
    },
  );
  await bus.publish("marketplace.user_registered", { userId: "sentinel", displayName: "", registeredAt: "" });
  await expect.poll(() => done).toBe(true);
  await consumption.stop();
  return acts.sort();
}

describe("recent demo activity", () => {
  const opened: { marketplace: MarketplaceStores; bus: SqliteEventBus }[] = [];
  afterEach(async () => {
    for (const { marketplace, bus } of opened.splice(0)) {
      await bus.close();
      await marketplace.close();
    }
  });

  it("makes vendors near downtown trend right after seeding, the same ones on every run", async () => {
    const city = austinCity(150);
    const runs: string[][] = [];
    for (const now of [new Date("2026-11-25T18:00:00Z"), new Date("2027-02-03T09:30:00Z")]) {
      const seeded = await seededCity(city);
      opened.push(seeded);
      // Without it, nothing in the seed is recent enough to trend.
      expect(await actsOf(seeded.bus, now)).toEqual([]);
      const activity = await seedRecentActivity(seeded.marketplace, seeded.bus, city, now);
      expect(activity.favorites).toBeGreaterThan(RECENTLY_ACTIVE_VENDORS * 2);
      expect(activity.reviews).toBeGreaterThan(0);
      const acts = await actsOf(seeded.bus, now);
      expect(acts).toHaveLength(activity.favorites + activity.reviews);
      runs.push(acts);

      // As marketplace's search index counts them when it starts, a moment after seeding.
      const indexing = followSearchEvents(
        seeded.bus,
        seeded.marketplace.searchIndex,
        testLogger,
        () => new Date(now.getTime() + 60_000),
      );
      const trending = () =>
        seeded.marketplace.searchIndex.trending({
          center: AUSTIN,
          radiusMeters: 5_000,
          since: new Date(now.getTime() - 7 * DAY),
          asOf: now,
          halfLifeMs: 2 * DAY,
        });
      await expect.poll(async () => (await trending()).length).toBe(RECENTLY_ACTIVE_VENDORS);
      await indexing.stop();
      const counted = (await trending()).reduce((sum, t) => sum + t.favorites + t.reviews, 0);
      expect(counted).toBe(activity.favorites + activity.reviews);
    }
    // Same people, same vendors, same ages: only the clock moved.
    expect(runs[1]).toEqual(runs[0]);
  });
});
