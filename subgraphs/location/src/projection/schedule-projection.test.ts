import { openHoursOf, type ScheduleUpdated, SqliteEventBus } from "@venta/events";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite } from "../stores.js";
import { followSchedules } from "./schedule-projection.js";

const AUSTIN = { lat: 30.2672, lng: -97.7431 };
const T0 = new Date("2026-03-02T18:00:00Z");
const iso = (hours: number) => new Date(T0.getTime() + hours * 3_600_000).toISOString();

describe("location's projection of marketplace's published opening hours", () => {
  let bus: SqliteEventBus;
  let stores: ReturnType<typeof openSqlite>;

  beforeEach(async () => {
    bus = new SqliteEventBus(":memory:", testLogger, 5);
    stores = openSqlite(":memory:");
    for (const vendorId of ["cart-1", "sentinel"]) {
      await stores.positions.applyVendor({
        vendorId,
        cuisines: ["tacos"],
        isOpen: true,
        ownerId: null,
        version: 1,
      });
      await stores.positions.record({
        vendorId,
        ...AUSTIN,
        accuracyMeters: null,
        heading: null,
        recordedAt: T0,
      });
    }
  });
  afterEach(async () => {
    await bus.close();
    await stores.close();
  });

  const openAt = async (hours: number) =>
    (
      await stores.positions.nearby({
        center: AUSTIN,
        radiusMeters: 100,
        first: 5,
        filter: { openAt: new Date(iso(hours)) },
      })
    ).hits
      .map((h) => h.position.vendorId)
      .sort();
  const announce = (payload: Partial<ScheduleUpdated>) =>
    bus.publish("marketplace.schedule_updated", {
      vendorId: "cart-1",
      timeZone: "America/Chicago",
      updatedAt: iso(0),
      ...payload,
    });

  it("applies the latest hours of each vendor, whatever order they arrive in, and ignores replays", async () => {
    // An announcement from before intervals were published says nothing: status alone decides.
    await announce({});
    await announce({ openIntervals: [{ start: iso(-1), end: iso(1) }], horizonEnd: iso(48) });
    // The refresh with a later horizon replaces it; a late, earlier one and an older schedule do not.
    await announce({ openIntervals: [{ start: iso(2), end: iso(3) }], horizonEnd: iso(72) });
    await announce({ openIntervals: [{ start: iso(-1), end: iso(1) }], horizonEnd: iso(60) });
    await announce({
      updatedAt: iso(-5),
      openIntervals: [{ start: iso(-1), end: iso(1) }],
      horizonEnd: iso(500),
    });
    // Markers other tests publish: unreadable times are skipped, not retried forever.
    await announce({ vendorId: "marker", updatedAt: "start" });
    const consumption = followSchedules(bus, stores.positions, testLogger);
    try {
      await expect.poll(() => openAt(2.5)).toEqual(["cart-1", "sentinel"]);
      // The last announcement: once the sentinel has hours (none), everything before it is in.
      await announce({ vendorId: "sentinel", openIntervals: [], horizonEnd: iso(1) });
      await expect.poll(() => openAt(2.5)).toEqual(["cart-1"]);
      expect(await openAt(0)).toEqual([]);
      expect(await openAt(3)).toEqual([]);
    } finally {
      await consumption.stop();
    }
  });

  it("reads published hours: sorted and merged, unreadable intervals dropped", () => {
    expect(
      openHoursOf({
        vendorId: "v1",
        timeZone: "America/Chicago",
        updatedAt: iso(0),
        horizonEnd: iso(48),
        openIntervals: [
          { start: iso(10), end: iso(12) },
          { start: iso(1), end: iso(3) },
          { start: iso(3), end: iso(5) },
          { start: iso(2), end: iso(2.5) },
          { start: "later", end: iso(30) },
          { start: iso(20), end: iso(19) },
        ],
      }),
    ).toEqual({
      vendorId: "v1",
      intervals: [
        { start: new Date(iso(1)), end: new Date(iso(5)) },
        { start: new Date(iso(10)), end: new Date(iso(12)) },
      ],
      horizonEnd: new Date(iso(48)),
      updatedAt: T0,
    });
    expect(openHoursOf({ vendorId: "v1", timeZone: "UTC", updatedAt: iso(0) })).toBeNull();
    expect(
      openHoursOf({ vendorId: "v1", timeZone: "UTC", updatedAt: iso(0), openIntervals: [], horizonEnd: "x" }),
    ).toBeNull();
  });
});
