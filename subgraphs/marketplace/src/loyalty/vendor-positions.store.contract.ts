import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { VendorPositionsStore } from "./vendor-positions.store.js";

export interface OpenedVendorPositionsStore {
  store: VendorPositionsStore;
  close(): Promise<void>;
}

const at = (seconds: number) => new Date(Date.UTC(2026, 2, 1, 12) + seconds * 1000);

/** The behaviour every vendor positions store must show; each adapter's test file runs it. */
export function vendorPositionsStoreContract(
  adapter: string,
  open: () => Promise<OpenedVendorPositionsStore>,
): void {
  describe(`${adapter} vendor positions store`, () => {
    let opened: OpenedVendorPositionsStore;
    let store: VendorPositionsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("keeps each vendor's latest report, whatever order reports arrive in", async () => {
      const first = { vendorId: "v1", lat: 30.26, lng: -97.74, recordedAt: at(0) };
      const second = { vendorId: "v1", lat: 30.27, lng: -97.75, recordedAt: at(10) };
      expect(await store.apply(first)).toBe(true);
      expect(await store.apply(second)).toBe(true);
      expect(await store.apply(first)).toBe(false);
      expect(await store.apply({ ...second, lat: 0 })).toBe(false);
      expect(await store.latest("v1")).toEqual(second);
      expect(await store.latest("v2")).toBeNull();
      await store.apply({ vendorId: "v2", lat: 1, lng: 2, recordedAt: at(5) });
      expect(await store.latest("v1")).toEqual(second);
    });

    it("applies a batch of reports as one by one: each vendor's latest wins, stale ones change nothing", async () => {
      await store.apply({ vendorId: "v1", lat: 1, lng: 1, recordedAt: at(20) });
      const batch = [
        { vendorId: "v1", lat: 2, lng: 2, recordedAt: at(10) },
        { vendorId: "v2", lat: 3, lng: 3, recordedAt: at(30) },
        { vendorId: "v3", lat: 4, lng: 4, recordedAt: at(5) },
        { vendorId: "v2", lat: 5, lng: 5, recordedAt: at(40) },
        { vendorId: "v3", lat: 6, lng: 6, recordedAt: at(1) },
      ];
      expect(await store.applyAll(batch)).toBe(2);
      expect(await store.latest("v1")).toEqual({ vendorId: "v1", lat: 1, lng: 1, recordedAt: at(20) });
      expect(await store.latest("v2")).toEqual(batch[3]);
      expect(await store.latest("v3")).toEqual(batch[2]);
      // The same batch again (a redelivery) changes nothing.
      expect(await store.applyAll(batch)).toBe(0);
      expect(await store.applyAll([])).toBe(0);
    });

    it("keeps the latest of racing first reports of a vendor", async () => {
      // Each round is a vendor nobody has seen: every report races to create it.
      for (let round = 0; round < 10; round += 1) {
        const vendorId = `v-race-${round}`;
        const reports = [1, 2, 3, 4].map((n) => ({ vendorId, lat: n, lng: n, recordedAt: at(n) }));
        await Promise.all(reports.map((report) => store.apply(report)));
        expect(await store.latest(vendorId)).toEqual(reports[3]);
      }
    });

    it("forgets every position when cleared, then takes any report again", async () => {
      const report = { vendorId: "v1", lat: 30.26, lng: -97.74, recordedAt: at(10) };
      await store.apply(report);
      await store.clear();
      expect(await store.latest("v1")).toBeNull();
      expect(await store.apply({ ...report, recordedAt: at(0) })).toBe(true);
    });
  });
}
