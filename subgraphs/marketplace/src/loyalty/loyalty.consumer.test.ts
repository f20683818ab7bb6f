import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { earnLoyaltyPoints, followVendorPositions } from "./loyalty.consumer.js";
import { CART, type Harness, loyaltyHarness } from "./loyalty.harness.js";

describe("loyalty event consumers", () => {
  let h: Harness;
  let vendorId: string;
  let stops: (() => Promise<void>)[];
  beforeEach(async () => {
    ({ h, vendorId } = await loyaltyHarness());
    const positions = followVendorPositions(h.bus, h.stores.vendorPositions, testLogger);
    const earning = earnLoyaltyPoints(h.bus, h.services.loyalty, testLogger);
    stops = [() => positions.stop(), () => earning.stop()];
  });
  afterEach(async () => {
    for (const stop of stops) await stop();
    await h.close();
  });

  it("projects each vendor's latest position, ignoring reports that arrive late", async () => {
    const report = (lat: number, recordedAt: string) => ({
      vendorId,
      lat,
      lng: CART.lng,
      accuracyMeters: 5,
      heading: null,
      recordedAt,
    });
    await h.bus.publish("location.vendor_location_updated", report(30.1, "2026-03-02T13:00:10.000Z"));
    await h.bus.publish("location.vendor_location_updated", report(30.2, "2026-03-02T13:00:00.000Z"));
    await h.bus.publish("location.vendor_location_updated", report(30.1, "2026-03-02T13:00:10.000Z"));
    await expect
      .poll(() => h.stores.vendorPositions.latest(vendorId))
      .toEqual({
        vendorId,
        lat: 30.1,
        lng: CART.lng,
        recordedAt: new Date("2026-03-02T13:00:10.000Z"),
      });
  });

  it("pays published reviews and purchases once, however often their events arrive", async () => {
    const review = {
      reviewId: "r1",
      vendorId,
      authorId: "customer-1",
      rating: 4,
      status: "PUBLISHED" as const,
      submittedAt: new Date().toISOString(),
    };
    const purchase = {
      purchaseId: "p1",
      userId: "customer-1",
      vendorId,
      amountMinor: 1050,
      currency: "USD",
      at: new Date().toISOString(),
    };
    await h.bus.publish("marketplace.review_submitted", { ...review, reviewId: "r0", status: "PENDING" });
    await h.bus.publish("marketplace.review_submitted", review);
    await h.bus.publish("marketplace.review_submitted", { ...review, rating: 5 }); // an edit
    await h.bus.publish("payment.purchase_completed", purchase);
    await h.bus.publish("payment.purchase_completed", purchase);
    // 25 for the review, 10 units × 2 for the purchase.
    await expect
      .poll(async () =>
        (await h.stores.points.everythingOf("customer-1")).entries.map((e) => e.reference).sort(),
      )
      .toEqual(["purchase:p1", "review:r1"]);
    expect((await h.stores.points.findBalance("customer-1", vendorId))?.points).toBe(45);
  });
});
