import {
  recordEvents,
  replayProjection,
  SqliteEventBus,
  SqliteEventStore,
  type VendorSnapshot,
} from "@venta/events";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite } from "../stores.js";
import { followVendors, vendorProjection } from "./vendor-projection.js";

const AUSTIN = { lat: 30.2672, lng: -97.7431 };

describe("location's projection of marketplace's vendors", () => {
  let bus: SqliteEventBus;
  let stores: ReturnType<typeof openSqlite>;
  let stop: () => Promise<void>;

  beforeEach(() => {
    bus = new SqliteEventBus(":memory:", testLogger);
    stores = openSqlite(":memory:");
    const consumption = followVendors(bus, stores.positions, testLogger);
    stop = () => consumption.stop();
  });
  afterEach(async () => {
    await stop();
    await bus.close();
    await stores.close();
  });

  const snapshot = (version: number, extra: Partial<VendorSnapshot> = {}): VendorSnapshot => ({
    vendorId: "cart-1",
    name: "Cart",
    cuisines: ["tacos"],
    status: "OPEN",
    ownerId: "owner-1",
    version,
    updatedAt: new Date().toISOString(),
    ...extra,
  });
  const listed = async () =>
    (await stores.positions.nearby({ center: AUSTIN, radiusMeters: 100, first: 5, filter: {} })).hits.length;
  const access = async () => (await stores.positions.vendorAccess(["cart-1"])).get("cart-1");

  it("lists a vendor only once marketplace says it is VERIFIED", async () => {
    await bus.publish(
      "marketplace.vendor_created",
      snapshot(1, { verification: "DRAFT", description: null }),
    );
    await expect.poll(access).toEqual({ ownerId: "owner-1", listed: false });
    await stores.positions.record({
      vendorId: "cart-1",
      ...AUSTIN,
      accuracyMeters: null,
      heading: null,
      recordedAt: new Date(),
    });
    expect(await listed()).toBe(0);
    await bus.publish("marketplace.vendor_updated", snapshot(2, { verification: "SUBMITTED" }));
    await bus.publish("marketplace.vendor_updated", snapshot(3, { verification: "VERIFIED" }));
    await expect.poll(listed).toBe(1);
    expect(await access()).toEqual({ ownerId: "owner-1", listed: true });
  });

  it("is rebuilt from the event store by a replay, undoing a drifted copy", async () => {
    const store = new SqliteEventStore(":memory:");
    const recording = recordEvents(bus, store, testLogger);
    try {
      await bus.publish("marketplace.vendor_created", snapshot(1, { verification: "DRAFT" }));
      await bus.publish(
        "marketplace.vendor_updated",
        snapshot(2, { verification: "VERIFIED", ownerId: "owner-2" }),
      );
      await expect.poll(access).toEqual({ ownerId: "owner-2", listed: true });
      await expect.poll(async () => (await store.query({}, 10)).events.length).toBe(2);
      // A bug wrote a snapshot that never was: a later version, unlisting the vendor.
      await stores.positions.applyVendor({
        vendorId: "cart-1",
        cuisines: [],
        isOpen: false,
        ownerId: "someone-else",
        version: 99,
        verified: false,
      });
      expect(await access()).toEqual({ ownerId: "someone-else", listed: false });
      const report = await replayProjection({
        store,
        projection: vendorProjection(stores.positions, testLogger),
      });
      expect(report.applied).toBe(2);
      expect(await access()).toEqual({ ownerId: "owner-2", listed: true });
    } finally {
      await recording.stop();
      await store.close();
    }
  });

  it("treats a snapshot from before onboarding (no verification) as VERIFIED", async () => {
    await bus.publish("marketplace.vendor_created", snapshot(1));
    await expect.poll(access).toEqual({ ownerId: "owner-1", listed: true });
  });
});
