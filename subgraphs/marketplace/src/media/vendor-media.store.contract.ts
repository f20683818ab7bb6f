import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { VendorMediaKind, VendorMediaRecord } from "./vendor-media.record.js";
import type { VendorMediaStore } from "./vendor-media.store.js";

export interface OpenedVendorMediaStore {
  store: VendorMediaStore;
  close(): Promise<void>;
}

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

export const mediaFixture = (n: number, overrides: Partial<VendorMediaRecord> = {}): VendorMediaRecord => ({
  id: `media-${String(n).padStart(3, "0")}`,
  vendorId: "vendor-a",
  kind: "PHOTO",
  fileName: `photo ${n}.jpg`,
  contentType: "image/jpeg",
  sizeBytes: 1000 + n,
  storageKey: `vendor-media/media-${n}`,
  url: `https://files.example/vendor-media/media-${n}`,
  uploadedBy: "owner-a",
  // Pairs share a time, so the id breaks the tie.
  createdAt: at(Math.floor(n / 2)),
  ...overrides,
});

/** The behaviour every vendor media store must show; each adapter's test file runs it. */
export function vendorMediaStoreContract(adapter: string, open: () => Promise<OpenedVendorMediaStore>): void {
  describe(`${adapter} vendor media store`, () => {
    let opened: OpenedVendorMediaStore;
    let store: VendorMediaStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("stores and reads back every field", async () => {
      const media = mediaFixture(1, { kind: "BUSINESS_DOCUMENT", contentType: "application/pdf" });
      expect(await store.insert(media, 10)).toBe(true);
      expect(await store.findById(media.id)).toEqual(media);
      expect(await store.findById("missing")).toBeNull();
    });

    it("finds a file by its storage key, and nothing for a key no record holds", async () => {
      await store.insert(mediaFixture(1), 10);
      await store.insert(mediaFixture(2, { kind: "BUSINESS_DOCUMENT" }), 10);
      expect((await store.findByStorageKey("vendor-media/media-2"))?.id).toBe("media-002");
      expect((await store.findByStorageKey("vendor-media/media-1"))?.kind).toBe("PHOTO");
      expect(await store.findByStorageKey("vendor-media/media-3")).toBeNull();
      await store.delete("media-002");
      expect(await store.findByStorageKey("vendor-media/media-2")).toBeNull();
    });

    it("lists many vendors' files in one call, each vendor's oldest first", async () => {
      const records = [
        mediaFixture(5),
        mediaFixture(2, { vendorId: "vendor-b" }),
        mediaFixture(3),
        mediaFixture(4, { kind: "BUSINESS_DOCUMENT" }),
        mediaFixture(1, { vendorId: "vendor-c" }),
      ];
      for (const record of records) await store.insert(record, 10);
      const listed = await store.listByVendors(["vendor-a", "vendor-b", "nobody"]);
      const ids = (vendorId: string) => listed.filter((m) => m.vendorId === vendorId).map((m) => m.id);
      expect(ids("vendor-a")).toEqual(["media-003", "media-004", "media-005"]);
      expect(ids("vendor-b")).toEqual(["media-002"]);
      expect(listed).toHaveLength(4);
      expect(await store.listByVendors([])).toEqual([]);
    });

    it("deletes once: the first delete returns the record, the second null", async () => {
      await store.insert(mediaFixture(1), 10);
      expect(await store.delete("media-001")).toEqual(mediaFixture(1));
      expect(await store.delete("media-001")).toBeNull();
      expect(await store.findById("media-001")).toBeNull();
      expect(await store.listByVendors(["vendor-a"])).toEqual([]);
    });

    it("keeps a vendor within the limit per kind, even when uploads race", async () => {
      const insert = (n: number, kind: VendorMediaKind = "PHOTO", vendorId = "vendor-a") =>
        store.insert(mediaFixture(n, { kind, vendorId }), 3);
      const raced = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => insert(n)));
      const photos = (await store.listByVendors(["vendor-a"])).filter((m) => m.kind === "PHOTO");
      expect(photos.length).toBeLessThanOrEqual(3);
      expect(raced.filter(Boolean)).toHaveLength(photos.length);
      // Another kind and another vendor have their own room.
      expect(await insert(7, "BUSINESS_DOCUMENT")).toBe(true);
      expect(await insert(8, "PHOTO", "vendor-b")).toBe(true);
      // Sequential uploads fill the room exactly, then are refused without writing.
      const photoCount = async () =>
        (await store.listByVendors(["vendor-a"])).filter((m) => m.kind === "PHOTO").length;
      for (let n = 20; (await photoCount()) < 3; n += 1) expect(await insert(n)).toBe(true);
      expect(await insert(99)).toBe(false);
      expect(await store.findById("media-099")).toBeNull();
      // A deletion makes room again.
      const [first] = (await store.listByVendors(["vendor-a"])).filter((m) => m.kind === "PHOTO");
      await store.delete(first?.id as string);
      expect(await insert(99)).toBe(true);
    });
  });
}
