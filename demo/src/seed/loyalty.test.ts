import { SqliteEventBus } from "@venta/events";
import { openMarketplaceStores, UsersService, VendorsService } from "@venta/marketplace";
import { testLogger } from "@venta/testing";
import { describe, expect, it } from "vitest";
import { austinCity } from "./austin.js";
import { DEMO_ACCOUNTS, DEMO_VENDOR_FLEET } from "./demo-accounts.js";
import { seedLoyalty } from "./loyalty.js";

describe("the loyalty demo", () => {
  it("gives the demo vendor's trucks a program and the demo customer points there", async () => {
    const city = austinCity(20);
    const marketplace = await openMarketplaceStores({ DATA_DIR: ":memory:" });
    const bus = new SqliteEventBus(":memory:", testLogger);
    const users = new UsersService(marketplace.users);
    const vendors = new VendorsService(marketplace.vendors, marketplace.users);
    for (const person of [...Object.values(DEMO_ACCOUNTS), ...city.owners])
      await users.register(person.displayName, { id: person.id });
    const fleet = city.vendors.filter((v) => v.position).slice(0, DEMO_VENDOR_FLEET);
    for (const vendor of city.vendors)
      await vendors.create(
        { name: vendor.name, cuisines: vendor.cuisines, ownerId: DEMO_ACCOUNTS.vendor.id },
        { id: vendor.id, verified: true },
      );

    const seeded = await seedLoyalty(marketplace, bus, city);
    expect(seeded.programs).toBe(DEMO_VENDOR_FLEET);
    const programs = await marketplace.loyaltyPrograms.findByVendorIds(city.vendors.map((v) => v.id));
    expect(programs.map((p) => p.vendorId).sort()).toEqual(fleet.map((v) => v.id).sort());
    expect(programs.every((p) => p.rewards.filter((r) => r.active).length === 3)).toBe(true);

    const { balances, entries } = await marketplace.points.everythingOf(DEMO_ACCOUNTS.customer.id);
    expect(balances).toHaveLength(DEMO_VENDOR_FLEET);
    expect(entries).toHaveLength(seeded.entries);
    for (const balance of balances)
      expect(balance.points).toBe(
        entries.filter((e) => e.vendorId === balance.vendorId).reduce((sum, e) => sum + e.delta, 0),
      );
    expect(balances.find((b) => b.vendorId === fleet[0]?.id)).toMatchObject({
      points: 154,
      lifetimePoints: 274,
    });
    expect(new Set(entries.map((e) => e.reason))).toEqual(new Set(["ADJUSTMENT", "PURCHASE", "REDEMPTION"]));
    await bus.close();
    await marketplace.close();
  });
});
