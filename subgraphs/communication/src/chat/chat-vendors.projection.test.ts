import { SqliteEventBus, type VendorSnapshot } from "@venta/events";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite } from "../stores.js";
import { followChatVendors } from "./chat-vendors.projection.js";

describe("chat's projection of marketplace's vendors", () => {
  let bus: SqliteEventBus;
  let stores: ReturnType<typeof openSqlite>;
  let stop: () => Promise<void>;
  beforeEach(() => {
    bus = new SqliteEventBus(":memory:", testLogger);
    stores = openSqlite(":memory:");
    const consumption = followChatVendors(bus, stores.chatVendors, testLogger);
    stop = () => consumption.stop();
  });
  afterEach(async () => {
    await stop();
    await bus.close();
    await stores.close();
  });

  const snapshot = (version: number, extra: Partial<VendorSnapshot> = {}): VendorSnapshot => ({
    vendorId: "cart-1",
    name: "Taco Cart",
    cuisines: ["tacos"],
    status: "OPEN",
    ownerId: "owner-1",
    version,
    updatedAt: new Date().toISOString(),
    ...extra,
  });
  const stored = async () => (await stores.chatVendors.findMany(["cart-1"]))[0];

  it("follows a vendor's owner and listing through onboarding, ignoring stale snapshots", async () => {
    await bus.publish("marketplace.vendor_created", snapshot(1, { verification: "DRAFT" }));
    await expect.poll(stored).toMatchObject({ ownerId: "owner-1", listed: false, version: 1 });
    await bus.publish(
      "marketplace.vendor_updated",
      snapshot(3, { verification: "VERIFIED", ownerId: "owner-2" }),
    );
    await bus.publish("marketplace.vendor_updated", snapshot(2, { verification: "SUBMITTED" }));
    // Delivery is in publish order: once a later vendor is stored, the stale snapshot was handled.
    await bus.publish("marketplace.vendor_created", snapshot(1, { vendorId: "cart-2" }));
    await expect.poll(async () => (await stores.chatVendors.findMany(["cart-2"])).length).toBe(1);
    expect(await stored()).toEqual({
      vendorId: "cart-1",
      name: "Taco Cart",
      ownerId: "owner-2",
      listed: true,
      version: 3,
    });
  });

  it("treats a snapshot from before onboarding (no verification) as listed", async () => {
    await bus.publish("marketplace.vendor_created", snapshot(1));
    await expect.poll(stored).toMatchObject({ listed: true });
  });
});
