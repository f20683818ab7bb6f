import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DomainEvent, SqliteEventBus, startOutboxRelay } from "@venta/events";
import { testLogger } from "@venta/testing";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite } from "../stores.js";
import { trackingClock } from "./tracking-clock.js";

const AUSTIN = { lat: 30.2672, lng: -97.7431 };

describe("geofence crossings on the bus", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  it("reach a consumer in order, through the outbox and its relay", async () => {
    const stores = openSqlite(mkdtempSync(join(tmpdir(), "venta-location-")));
    const bus = new SqliteEventBus(
      join(mkdtempSync(join(tmpdir(), "venta-bus-")), "events.db"),
      testLogger,
      10,
    );
    const relay = startOutboxRelay({ outbox: stores.outbox, bus, log: testLogger, pollMs: 50 });
    closers.push(
      stores.close,
      () => bus.close(),
      () => relay.stop(),
    );

    const now = new Date();
    const clock = trackingClock(now, 120);
    await stores.positions.applyVendor({
      vendorId: "cart",
      cuisines: [],
      isOpen: true,
      ownerId: "o",
      version: 1,
    });
    const zone = await stores.geofences.create(
      {
        id: "zone-1",
        kind: "ALERT_ZONE",
        ownerId: "person-1",
        name: "Home",
        shape: { type: "CIRCLE", center: AUSTIN, radiusMeters: 300 },
        roaming: false,
        createdAt: now,
        updatedAt: now,
      },
      20,
      clock,
    );
    expect(zone?.transitions).toEqual([]);
    const report = { vendorId: "cart", ...AUSTIN, accuracyMeters: 5, heading: null, recordedAt: now };
    await stores.positionReports.record([report], new Set(["cart"]), clock);
    await stores.positionReports.record([{ ...report, lng: AUSTIN.lng + 0.0001 }], new Set(["cart"]), clock);

    const received: DomainEvent[] = [];
    const arrived = new Promise<void>((resolve) => {
      const consumption = bus.consume(
        "test.geofences",
        ["location.vendor_location_updated", "location.geofence_triggered"],
        (event) => {
          received.push(event);
          if (received.length === 3) resolve();
        },
      );
      closers.push(() => consumption.stop());
    });
    await relay.flush();
    await arrived;
    expect(await stores.outbox.count()).toBe(0);
    // Each move, then the crossing it caused; the second move, inside already, crosses nothing.
    expect(received.map((e) => e.type)).toEqual([
      "location.vendor_location_updated",
      "location.geofence_triggered",
      "location.vendor_location_updated",
    ]);
    expect(received[1]?.payload).toMatchObject({
      fenceId: "zone-1",
      vendorId: "cart",
      transition: "ENTER",
      ownerId: "person-1",
    });
  });
});
