import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChatVendorRecord } from "./chat-vendor.record.js";
import type { ChatVendorsStore } from "./chat-vendors.store.js";

export interface OpenedChatVendorsStore {
  store: ChatVendorsStore;
  close(): Promise<void>;
}

const vendor = (version: number, extra: Partial<ChatVendorRecord> = {}): ChatVendorRecord => ({
  vendorId: "cart-1",
  name: "Taco Cart",
  ownerId: "owner-1",
  listed: true,
  version,
  ...extra,
});

/** The behaviour every store of chat's vendor projection must show; each adapter's test file runs it. */
export function chatVendorsStoreContract(adapter: string, open: () => Promise<OpenedChatVendorsStore>): void {
  describe(`${adapter} chat vendors store`, () => {
    let opened: OpenedChatVendorsStore;
    let store: ChatVendorsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("keeps the newest snapshot, whatever order snapshots arrive in", async () => {
      expect(await store.apply(vendor(2, { name: "Second" }))).toBe(true);
      expect(await store.apply(vendor(1, { name: "First" }))).toBe(false);
      expect(await store.apply(vendor(2, { name: "Second again" }))).toBe(false);
      expect(await store.findMany(["cart-1"])).toEqual([vendor(2, { name: "Second" })]);
      expect(await store.apply(vendor(3, { name: "Third", ownerId: null, listed: false }))).toBe(true);
      expect(await store.findMany(["cart-1"])).toEqual([
        vendor(3, { name: "Third", ownerId: null, listed: false }),
      ]);
    });

    it("keeps the newest of racing first snapshots of a vendor", async () => {
      // Each round is a vendor nobody has seen: every snapshot races to create it.
      for (let round = 0; round < 10; round += 1) {
        const vendorId = `cart-race-${round}`;
        await Promise.all([1, 2, 3, 4].map((version) => store.apply(vendor(version, { vendorId }))));
        expect((await store.findMany([vendorId]))[0]?.version).toBe(4);
      }
    });

    it("finds many vendors at once and tells which vendors an account owns", async () => {
      await store.apply(vendor(1));
      await store.apply(vendor(1, { vendorId: "cart-2", ownerId: "owner-2" }));
      await store.apply(vendor(1, { vendorId: "cart-3" }));
      const found = await store.findMany(["cart-3", "cart-1", "unknown"]);
      expect(found.map((v) => v.vendorId).sort()).toEqual(["cart-1", "cart-3"]);
      expect(await store.findMany([])).toEqual([]);
      expect(await store.ownedBy("owner-1")).toEqual(["cart-1", "cart-3"]);
      expect(await store.ownedBy("nobody")).toEqual([]);
      // A change of owner moves the vendor.
      await store.apply(vendor(2, { ownerId: "owner-2" }));
      expect(await store.ownedBy("owner-2")).toEqual(["cart-1", "cart-2"]);
    });
  });
}
