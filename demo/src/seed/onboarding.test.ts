import { SqliteEventBus } from "@venta/events";
import { type MarketplaceStores, openMarketplaceStores, UsersService } from "@venta/marketplace";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { austinCity } from "./austin.js";
import { DEMO_ACCOUNTS } from "./demo-accounts.js";
import { seedOnboarding } from "./onboarding.js";

describe("the demo's vendors in onboarding", () => {
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

  it("fill the admin's review queue and show the demo vendor a draft and a rejection, hidden from customers", async () => {
    const city = austinCity(50);
    const users = new UsersService(marketplace.users);
    for (const person of [...Object.values(DEMO_ACCOUNTS), ...city.owners])
      await users.register(person.displayName, { id: person.id });
    await seedOnboarding(marketplace, bus, city);

    const queue = await marketplace.vendors.reviewQueue(10);
    expect(queue.records.map((v) => v.name)).toEqual([
      "Sunrise Kolaches",
      "Night Owl Noodles",
      "Brisket Bus",
    ]);
    const own = (await marketplace.vendors.list({ ownerId: DEMO_ACCOUNTS.vendor.id }, 10)).records;
    expect(own.map((v) => [v.name, v.verification])).toEqual([
      ["Verde Juice Cart", "DRAFT"],
      ["Paleta Pedal Co", "REJECTED"],
    ]);
    expect(own[1]?.rejectionReason).toMatch(/permit/);
    expect(await marketplace.vendors.count({ visibleTo: { userId: null } })).toBe(0);
  });
});
