import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { VendorAlertsStore } from "./vendor-alerts.store.js";

export interface OpenedVendorAlertsStore {
  store: VendorAlertsStore;
  close(): Promise<void>;
}

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);
const HOUR = 3600;

/** The behaviour every vendor alerts store must show; each adapter's test file runs it. */
export function vendorAlertsStoreContract(
  adapter: string,
  open: () => Promise<OpenedVendorAlertsStore>,
): void {
  describe(`${adapter} vendor alerts store`, () => {
    let opened: OpenedVendorAlertsStore;
    let store: VendorAlertsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    const claim = (eventId: string, seconds: number, userId = "u1") =>
      store.claimAlert({ userId, vendorId: "v1", eventId, at: at(seconds), notBefore: at(seconds - HOUR) });

    it("follows favorites in the order they happened, whatever order they arrive in", async () => {
      expect(await store.isFavorite("u1", "v1")).toBe(false);
      expect(await store.applyFavorite({ userId: "u1", vendorId: "v1", favorited: true, at: at(1) })).toBe(
        true,
      );
      expect(await store.isFavorite("u1", "v1")).toBe(true);
      expect(await store.applyFavorite({ userId: "u1", vendorId: "v1", favorited: false, at: at(3) })).toBe(
        true,
      );
      // The add from before the removal arrives late: it changes nothing.
      expect(await store.applyFavorite({ userId: "u1", vendorId: "v1", favorited: true, at: at(2) })).toBe(
        false,
      );
      expect(await store.isFavorite("u1", "v1")).toBe(false);
      expect(await store.isFavorite("u2", "v1")).toBe(false);
    });

    it("keeps the latest vendor snapshot by version", async () => {
      expect(await store.vendor("v1")).toBeNull();
      await store.applyVendor({ vendorId: "v1", name: "Taco Loco", listed: true, version: 2 });
      expect(await store.applyVendor({ vendorId: "v1", name: "Old name", listed: false, version: 1 })).toBe(
        false,
      );
      expect(await store.vendor("v1")).toEqual({
        vendorId: "v1",
        name: "Taco Loco",
        listed: true,
        version: 2,
      });
      await store.applyVendor({ vendorId: "v1", name: "Taco Loco Express", listed: true, version: 3 });
      expect((await store.vendor("v1"))?.name).toBe("Taco Loco Express");
    });

    it("grants one alert per person and vendor per period", async () => {
      expect(await claim("e1", 0)).toBe(true);
      expect(await claim("e2", 10)).toBe(false);
      expect(await claim("e3", HOUR - 1)).toBe(false);
      expect(await claim("e4", 10, "u2")).toBe(true);
      expect(await claim("e5", HOUR)).toBe(true);
      expect(await claim("e6", HOUR + 10)).toBe(false);
    });

    it("grants a redelivered event its claim again without extending the period", async () => {
      expect(await claim("e1", 0)).toBe(true);
      expect(await claim("e1", 600)).toBe(true);
      // The period still runs from the first claim: a new event an hour after it wins.
      expect(await claim("e2", HOUR)).toBe(true);
    });

    it("grants exactly one of many concurrent claims", async () => {
      const results = await Promise.all(Array.from({ length: 25 }, (_, i) => claim(`e${i}`, 5)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("erases a person's favorites and alert history only", async () => {
      await store.applyFavorite({ userId: "u1", vendorId: "v1", favorited: true, at: at(1) });
      await store.applyFavorite({ userId: "u2", vendorId: "v1", favorited: true, at: at(1) });
      await claim("e1", 0);
      await claim("e2", 0, "u2");
      await store.eraseUser("u1");
      expect(await store.isFavorite("u1", "v1")).toBe(false);
      expect(await store.isFavorite("u2", "v1")).toBe(true);
      expect(await claim("e3", 10)).toBe(true);
      expect(await claim("e4", 10, "u2")).toBe(false);
    });
  });
}
