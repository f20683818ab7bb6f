import { SqliteEventBus } from "@venta/events";
import {
  type MarketplaceStores,
  openMarketplaceStores,
  UsersService,
  VendorsService,
} from "@venta/marketplace";
import { testLogger } from "@venta/testing";
import { afterEach, describe, expect, it } from "vitest";
import { austinCity, type DemoCity } from "./austin.js";
import { DEMO_ACCOUNTS, DEMO_VENDOR_FLEET } from "./demo-accounts.js";
import { DEMO_CUSTOMER_FAVORITES, seedFavorites } from "./favorites.js";
import { seedReviews } from "./reviews.js";

/** The accounts and verified vendors of a small city, as `seedAustin` writes them. */
async function cityWithVendors(city: DemoCity) {
  const marketplace = await openMarketplaceStores({ DATA_DIR: ":memory:" });
  const bus = new SqliteEventBus(":memory:", testLogger);
  const users = new UsersService(marketplace.users);
  const vendors = new VendorsService(marketplace.vendors, marketplace.users);
  for (const person of [...Object.values(DEMO_ACCOUNTS), ...city.owners])
    await users.register(person.displayName, { id: person.id });
  const fleet = new Set(
    city.vendors
      .filter((v) => v.position)
      .slice(0, DEMO_VENDOR_FLEET)
      .map((v) => v.id),
  );
  for (const vendor of city.vendors)
    await vendors.create(
      {
        name: vendor.name,
        cuisines: vendor.cuisines,
        ownerId: fleet.has(vendor.id) ? DEMO_ACCOUNTS.vendor.id : vendor.ownerId,
      },
      { id: vendor.id, verified: true },
    );
  return { marketplace, bus };
}

/** Everything about the seeded reviews except their random ids. */
async function snapshot(marketplace: MarketplaceStores, city: DemoCity) {
  const rows: string[] = [];
  for (const person of [DEMO_ACCOUNTS.customer, ...city.owners])
    for (const r of await marketplace.reviews.listByAuthor(person.id))
      rows.push(
        [
          r.vendorId,
          r.authorId,
          r.rating,
          r.text,
          r.status,
          r.reply?.text,
          r.helpfulCount,
          r.createdAt.getTime(),
        ].join("|"),
      );
  return rows.sort();
}

describe("the demo's reviews and favorites", () => {
  const opened: { marketplace: MarketplaceStores; bus: SqliteEventBus }[] = [];
  afterEach(async () => {
    for (const { marketplace, bus } of opened.splice(0)) {
      await bus.close();
      await marketplace.close();
    }
  });

  it("writes a varied, reproducible set of reviews whose ratings add up", async () => {
    const city = austinCity(200);
    const first = await cityWithVendors(city);
    opened.push(first);
    const seeded = await seedReviews(first.marketplace, first.bus, city);
    expect(seeded.reviews).toBeGreaterThan(100);
    expect(seeded.pending).toBeGreaterThan(0);
    expect(seeded.replies).toBeGreaterThan(seeded.reviews / 5);
    expect(seeded.helpfulVotes).toBeGreaterThan(0);

    const rows = await snapshot(first.marketplace, city);
    expect(rows).toHaveLength(seeded.reviews);
    const stars = new Set(rows.map((row) => row.split("|")[2]));
    expect([...stars].sort()).toEqual(["1", "2", "3", "4", "5"]);

    // Each vendor's stored rating is exactly its published reviews.
    const ratings = await first.marketplace.reviews.ratingsOf(city.vendors.map((v) => v.id));
    let counted = 0;
    for (const rating of ratings) {
      const page = await first.marketplace.reviews.listPublished(rating.vendorId, "NEWEST", 100);
      expect(rating.count).toBe(page.records.length);
      expect(rating.sum).toBe(page.records.reduce((sum, r) => sum + r.rating, 0));
      counted += rating.count;
    }
    expect(counted).toBe(seeded.reviews - seeded.pending);
    // The demo vendor's trucks have reviews to answer.
    const fleet = city.vendors.filter((v) => v.position).slice(0, DEMO_VENDOR_FLEET);
    for (const vendor of fleet)
      expect(ratings.find((r) => r.vendorId === vendor.id)?.count ?? 0).toBeGreaterThanOrEqual(5);

    const second = await cityWithVendors(city);
    opened.push(second);
    expect(await seedReviews(second.marketplace, second.bus, city)).toEqual(seeded);
    expect(await snapshot(second.marketplace, city)).toEqual(rows);
  });

  it("gives the demo customer five favorite vendors, and the city's people a few", async () => {
    const city = austinCity(80);
    const { marketplace, bus } = await cityWithVendors(city);
    opened.push({ marketplace, bus });
    const added = await seedFavorites(marketplace, bus, city);
    const mine = await marketplace.favorites.listByUser(DEMO_ACCOUNTS.customer.id, 100);
    expect(mine.records).toHaveLength(DEMO_CUSTOMER_FAVORITES);
    const firstOnMap = city.vendors.filter((v) => v.position).slice(0, DEMO_CUSTOMER_FAVORITES);
    expect(mine.records.map((f) => f.vendorId).sort()).toEqual(firstOnMap.map((v) => v.id).sort());
    const counts = await marketplace.favorites.countsOf(city.vendors.map((v) => v.id));
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(added);
    expect(added).toBeGreaterThan(DEMO_CUSTOMER_FAVORITES);
  });
});
