import { SqliteEventBus } from "@venta/events";
import { type MarketplaceStores, openMarketplaceStores } from "@venta/marketplace";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { austinCity } from "./austin.js";
import { demoSchedule, seedSchedules } from "./schedules.js";

describe("the demo schedules", () => {
  it("give most vendors hours in Chicago time, some past midnight, the same on every run", () => {
    const { vendors } = austinCity();
    const schedules = vendors.map(demoSchedule);
    expect(vendors.map(demoSchedule)).toEqual(schedules);
    const published = schedules.filter((s) => s !== null);
    expect(published.length / vendors.length).toBeGreaterThan(0.8);
    expect(published.length).toBeLessThan(vendors.length);
    expect(published.every((s) => s.timeZone === "America/Chicago")).toBe(true);
    const lateNight = published.filter((s) =>
      s.weeklyHours.some((d) => d.intervals.some((i) => i.closes < i.opens)),
    );
    expect(lateNight.length).toBeGreaterThan(30);
  });

  describe("seeded through the schedules service", () => {
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

    it("stores every published schedule, each valid", async () => {
      const city = austinCity();
      const expected = city.vendors.filter((v) => demoSchedule(v) !== null);
      expect(await seedSchedules(marketplace, bus, city)).toBe(expected.length);
      const stored = await marketplace.schedules.findByVendorIds(city.vendors.map((v) => v.id));
      expect(stored.map((s) => s.vendorId).sort()).toEqual(expected.map((v) => v.id).sort());
    });
  });
});
