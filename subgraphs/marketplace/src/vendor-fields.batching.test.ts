import { personViewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "./marketplace.harness.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

/** Counts every call to every store method, whatever the module. */
function countStoreCalls(stores: Harness["stores"]): () => Record<string, number> {
  const calls: Record<string, number> = {};
  for (const [storeName, store] of Object.entries(stores)) {
    if (typeof store !== "object" || store === null) continue;
    const target = store as unknown as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(Object.getPrototypeOf(store))) {
      const original = target[method];
      if (method === "constructor" || typeof original !== "function") continue;
      target[method] = (...args: unknown[]) => {
        const key = `${storeName}.${method}`;
        calls[key] = (calls[key] ?? 0) + 1;
        return (original as (...a: unknown[]) => unknown).apply(store, args);
      };
    }
  }
  return () => ({ ...calls });
}

describe("a page of vendors with every per-vendor field", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await marketplaceHarness();
  });
  afterEach(() => h.close());

  it("costs a bounded number of store queries, whatever the number of vendors", async () => {
    const customer = personViewer("customer-1", ["CUSTOMER"]);
    await h.services.users.register("Owner", { id: "owner-1" });
    await h.services.users.register("Customer", { id: "customer-1" });
    const ids: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const vendor = await h.services.vendors.create(
        { name: `Cart ${i}`, cuisines: ["tacos"], ownerId: "owner-1", status: "OPEN" },
        { verified: true },
      );
      ids.push(vendor.id);
      await h.services.menus.replaceMenu(vendor.id, {
        categories: [{ name: "Tacos", items: [{ name: "Al pastor", priceMinor: 350, currency: "USD" }] }],
      });
      await h.services.schedules.set(vendor.id, {
        timeZone: "America/Chicago",
        weeklyHours: [{ weekday: "FRIDAY", intervals: [{ opens: "20:00", closes: "02:00" }] }],
      });
      if (i % 2 === 0) {
        // A different reviewer each time: one account's burst of reviews would wait for moderation.
        const reviewer = await h.services.users.register(`Reviewer ${i}`, { id: `reviewer-${i}` });
        await h.services.reviews.submit(personViewer(reviewer.id, ["CUSTOMER"]), {
          vendorId: vendor.id,
          rating: 4,
          text: "Great tacos",
        });
        await h.services.favorites.add(customer, vendor.id);
      }
    }

    const calls = countStoreCalls(h.stores);
    const result = await h.run(
      `query ($ids: [ID!]!) { vendorsByIds(ids: $ids) {
        id name owner { displayName }
        rating { average count distribution { stars count } }
        isFavorite favoritesCount
        menu { categories { name items { name priceMinor available } } }
        schedule { timeZone } openNow nextOpening
        loyaltyProgram { tiers { name } }
        photos { url }
      } }`,
      { ids },
      customer,
    );
    expect(result.errors).toBeUndefined();
    const vendors = result.data?.vendorsByIds as {
      rating: { count: number };
      isFavorite: boolean;
      menu: unknown;
    }[];
    expect(vendors).toHaveLength(50);
    expect(vendors.filter((vendor) => vendor.isFavorite)).toHaveLength(25);
    expect(vendors.filter((vendor) => vendor.rating.count === 1)).toHaveLength(25);

    // One batched read per kind of data, not one per vendor.
    const counted = calls();
    for (const [call, count] of Object.entries(counted)) expect(count, call).toBe(1);
    expect(Object.keys(counted).length).toBeLessThanOrEqual(10);
  });
});
