import { SqliteEventBus } from "@venta/events";
import { type MarketplaceStores, openMarketplaceStores } from "@venta/marketplace";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { austinCity } from "./austin.js";
import { demoMenu, seedMenus } from "./menus.js";

describe("the demo menus", () => {
  it("give every vendor 3 to 8 items in 1 to 3 categories, priced in USD, the same on every run", () => {
    const { vendors } = austinCity();
    for (const vendor of vendors) {
      const menu = demoMenu(vendor);
      const items = menu.categories.flatMap((c) => c.items);
      expect(menu.categories.length, vendor.name).toBeGreaterThanOrEqual(1);
      expect(menu.categories.length, vendor.name).toBeLessThanOrEqual(3);
      expect(items.length, vendor.name).toBeGreaterThanOrEqual(3);
      expect(items.length, vendor.name).toBeLessThanOrEqual(8);
      expect(menu.categories.every((c) => c.items.length > 0)).toBe(true);
      expect(items.every((i) => i.currency === "USD" && i.priceMinor > 0)).toBe(true);
      expect(demoMenu(vendor)).toEqual(menu);
    }
    // Menus vary, and a few items are sold out.
    const all = vendors.map(demoMenu);
    expect(new Set(all.map((m) => m.categories.length)).size).toBe(3);
    expect(all.flatMap((m) => m.categories.flatMap((c) => c.items)).some((i) => i.available === false)).toBe(
      true,
    );
  });

  it("fits each vendor's cuisine", () => {
    const { vendors } = austinCity();
    const coffee = vendors.find((v) => v.cuisines[0] === "coffee");
    const bbq = vendors.find((v) => v.cuisines[0] === "bbq");
    expect(coffee && demoMenu(coffee).categories[0]?.name).toBe("Coffee");
    expect(bbq && demoMenu(bbq).categories[0]?.name).toBe("Meats");
  });

  describe("seeded through the menus service", () => {
    let marketplace: MarketplaceStores;
    let bus: SqliteEventBus;
    beforeEach(async () => {
      marketplace = await openMarketplaceStores({ DATA_DIR: ":memory:" });
      bus = new SqliteEventBus(":memory:", testLogger, 5);
    });
    afterEach(async () => {
      await bus.close();
      await marketplace.close();
    });

    it("stores every vendor's menu as generated, each valid", async () => {
      const city = austinCity();
      expect(await seedMenus(marketplace, bus, city)).toBe(city.vendors.length);
      const stored = await marketplace.menus.findByVendorIds(city.vendors.map((v) => v.id));
      expect(stored).toHaveLength(city.vendors.length);
      const first = city.vendors[0];
      const menu = stored.find((m) => m.vendorId === first?.id);
      const expected = first ? demoMenu(first) : null;
      expect(menu?.categories.map((c) => c.name)).toEqual(expected?.categories.map((c) => c.name));
      expect(menu?.items.map((i) => i.name)).toEqual(
        expected?.categories.flatMap((c) => c.items.map((i) => i.name)),
      );
    });
  });
});
