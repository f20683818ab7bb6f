import { type OutboxRelay, type ScheduleUpdated, SqliteEventBus, startOutboxRelay } from "@venta/events";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MarketplaceStores, openSqlite } from "../stores.js";
import { startHorizonRefresher } from "./horizon-refresher.js";
import { HORIZON_MS, SchedulesService } from "./schedules.service.js";
import { DAY_MS } from "./zoned-time.js";

const T0 = new Date("2026-03-02T18:00:00Z"); // Monday 12:00 in Chicago
const later = (days: number) => new Date(T0.getTime() + days * DAY_MS);
const ALL_DAY = [{ weekday: "MONDAY" as const, intervals: [{ opens: "00:00", closes: "24:00" }] }];

describe("the opening-hours horizon refresher", () => {
  let stores: MarketplaceStores;
  let bus: SqliteEventBus;
  let relay: OutboxRelay;
  let now: Date;
  let schedules: SchedulesService;
  let seen: ScheduleUpdated[];
  /** Every `schedule_updated` published so far, in order. */
  const published = async (count: number) => {
    await expect.poll(() => seen.length).toBe(count);
    return seen;
  };

  beforeEach(() => {
    stores = openSqlite(":memory:");
    bus = new SqliteEventBus(":memory:", testLogger, 5);
    now = T0;
    relay = startOutboxRelay({ outbox: stores.outbox, bus, log: testLogger });
    schedules = new SchedulesService(stores.schedules, () => now);
    seen = [];
    bus.consume("test", ["marketplace.schedule_updated"], (event) => {
      seen.push(event.payload as ScheduleUpdated);
    });
  });
  afterEach(async () => {
    await relay.stop();
    await bus.close();
    await stores.close();
  });

  it("republishes a schedule only once its horizon ends within a week, from the clock's now", async () => {
    await schedules.set("v1", { timeZone: "America/Chicago", weeklyHours: ALL_DAY });
    const [first] = await published(1);
    expect(first?.horizonEnd).toBe(new Date(T0.getTime() + HORIZON_MS).toISOString());

    now = later(6.9); // horizon ends in 7.1 days
    expect(await schedules.refreshHorizons()).toBe(0);
    now = later(7.5); // in 6.5 days
    expect(await schedules.refreshHorizons()).toBe(1);
    const [, refreshed] = await published(2);
    expect(refreshed).toEqual({
      vendorId: "v1",
      timeZone: "America/Chicago",
      // Still the schedule's own time: consumers order by it, then by the later horizon.
      updatedAt: T0.toISOString(),
      openIntervals: [
        // Mondays 2026-03-16 and 03-23, all day in CDT.
        { start: "2026-03-16T05:00:00.000Z", end: "2026-03-17T05:00:00.000Z" },
        { start: "2026-03-23T05:00:00.000Z", end: "2026-03-24T05:00:00.000Z" },
      ],
      horizonEnd: new Date(now.getTime() + HORIZON_MS).toISOString(),
    });
    // Just refreshed: nothing is due again until a week before the new horizon.
    expect(await schedules.refreshHorizons()).toBe(0);
    now = later(14.6);
    expect(await schedules.refreshHorizons()).toBe(1);
  });

  it("publishes schedules that never had a horizon (stored before horizons existed), in batches", async () => {
    for (let i = 0; i < 230; i += 1) {
      const vendorId = `v${String(i).padStart(3, "0")}`;
      await stores.schedules.put({
        vendorId,
        timeZone: "America/Chicago",
        weekly: [],
        exceptions: [],
        updatedAt: T0,
      });
    }
    expect(await schedules.refreshHorizons()).toBe(230);
    expect(new Set((await published(230)).map((p) => p.vendorId)).size).toBe(230);
    expect(await schedules.refreshHorizons()).toBe(0);
  });

  it("runs a pass at start and then every interval, until stopped", async () => {
    await schedules.set("v1", { timeZone: "America/Chicago", weeklyHours: ALL_DAY });
    await stores.schedules.put({
      vendorId: "old",
      timeZone: "America/Chicago",
      weekly: [],
      exceptions: [],
      updatedAt: T0,
    });
    const refresher = startHorizonRefresher({ schedules, intervalMs: 20, log: testLogger });
    // The pass at start publishes the schedule that had none; v1's horizon is two weeks away.
    await expect.poll(() => seen.map((p) => p.vendorId)).toEqual(["v1", "old"]);
    now = later(10);
    await expect.poll(() => seen.length).toBe(4);
    expect(seen.slice(2).map((p) => p.horizonEnd)).toEqual([
      new Date(now.getTime() + HORIZON_MS).toISOString(),
      new Date(now.getTime() + HORIZON_MS).toISOString(),
    ]);
    await refresher.stop();
    now = later(30);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toHaveLength(4);
  });

  it("keeps going after a failed pass", async () => {
    let calls = 0;
    const flaky = {
      refreshHorizons: async () => {
        calls += 1;
        if (calls === 1) throw new Error("store down");
        return 0;
      },
    };
    const refresher = startHorizonRefresher({ schedules: flaky, intervalMs: 10, log: testLogger });
    await expect.poll(() => calls).toBeGreaterThanOrEqual(3);
    await refresher.stop();
  });
});
