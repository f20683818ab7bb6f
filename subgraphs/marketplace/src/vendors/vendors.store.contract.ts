import type { Outbox } from "@venta/events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { announceAlways, announceIf, failingAnnounce, recordedLabels } from "../outbox.harness.js";
import type { VendorRecord } from "./vendor.record.js";
import { DuplicateSlugError, type VendorsStore } from "./vendors.store.js";

export interface OpenedVendorsStore {
  store: VendorsStore;
  /** The outbox the store records its announcements in. */
  outbox: Outbox;
  close(): Promise<void>;
}

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

export const vendorFixture = (n: number, overrides: Partial<VendorRecord> = {}): VendorRecord => ({
  id: `vendor-${String(n).padStart(3, "0")}`,
  name: `Vendor ${n}`,
  slug: `vendor-${n}`,
  description: n % 2 === 0 ? `Description ${n}` : null,
  cuisines: n % 3 === 0 ? ["tacos", "coffee"] : ["bbq"],
  ownerId: n % 4 === 0 ? "owner-a" : "owner-b",
  status: n % 2 === 0 ? "OPEN" : "CLOSED",
  verification: "VERIFIED",
  rejectionReason: null,
  submittedAt: null,
  version: 1,
  // Pairs share a creation time so the id tie-break is exercised.
  createdAt: at(Math.floor(n / 2)),
  updatedAt: at(Math.floor(n / 2)),
  ...overrides,
});

/** The behaviour every vendors store must show; each adapter's test file runs it. */
export function vendorsStoreContract(adapter: string, open: () => Promise<OpenedVendorsStore>): void {
  describe(`${adapter} vendors store`, () => {
    let opened: OpenedVendorsStore;
    let store: VendorsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("stores and reads back every field", async () => {
      const vendor = vendorFixture(2);
      await store.insert(vendor);
      expect(await store.findById(vendor.id)).toEqual(vendor);
      expect(await store.findBySlug(vendor.slug)).toEqual(vendor);
      expect(await store.findById("missing")).toBeNull();
    });

    it("refuses a second vendor with the same slug", async () => {
      await store.insert(vendorFixture(1));
      await expect(store.insert(vendorFixture(2, { slug: "vendor-1" }))).rejects.toBeInstanceOf(
        DuplicateSlugError,
      );
      expect(await store.findById(vendorFixture(2).id)).toBeNull();
    });

    it("records an announcement with each insert and update that happened, and only those", async () => {
      await store.insert(vendorFixture(1), announceAlways("insert"));
      await expect(
        store.insert(vendorFixture(2, { slug: "vendor-1" }), announceAlways("duplicate slug")),
      ).rejects.toBeInstanceOf(DuplicateSlugError);
      const written = (vendor: VendorRecord | null) => vendor !== null;
      await store.update(vendorFixture(1).id, 1, { name: "New" }, at(5), announceIf("update", written));
      await store.update(vendorFixture(1).id, 1, { name: "Stale" }, at(6), announceIf("stale", written));
      await store.update("missing", 1, { name: "None" }, at(6), announceIf("missing", written));
      expect(await recordedLabels(opened.outbox)).toEqual(["insert", "update"]);
    });

    it("writes nothing when its announcement cannot be made", async () => {
      await expect(store.insert(vendorFixture(1), failingAnnounce)).rejects.toThrow();
      expect(await store.findById(vendorFixture(1).id)).toBeNull();
      await store.insert(vendorFixture(1));
      await expect(
        store.update(vendorFixture(1).id, 1, { name: "New" }, at(5), failingAnnounce),
      ).rejects.toThrow();
      expect(await store.findById(vendorFixture(1).id)).toEqual(vendorFixture(1));
      expect(await opened.outbox.count()).toBe(0);
    });

    it("finds many vendors by id at once, skipping unknown ids", async () => {
      for (const n of [1, 2, 3]) await store.insert(vendorFixture(n));
      const found = await store.findByIds(["vendor-003", "nope", "vendor-001"]);
      expect(found.map((v) => v.id).sort()).toEqual(["vendor-001", "vendor-003"]);
      expect(await store.findByIds([])).toEqual([]);
    });

    it("updates only at the expected version and bumps it", async () => {
      await store.insert(vendorFixture(1));
      const later = at(1000);
      const updated = await store.update(
        "vendor-001",
        1,
        { name: "Renamed", cuisines: ["pizza"], description: null },
        later,
      );
      expect(updated).toMatchObject({
        name: "Renamed",
        cuisines: ["pizza"],
        description: null,
        version: 2,
        updatedAt: later,
      });
      expect(await store.update("vendor-001", 1, { name: "Stale" }, later)).toBeNull();
      expect((await store.findById("vendor-001"))?.name).toBe("Renamed");
      expect(await store.update("missing", 1, { name: "X" }, later)).toBeNull();
    });

    it("refuses an update to a slug another vendor has", async () => {
      await store.insert(vendorFixture(1));
      await store.insert(vendorFixture(2));
      await expect(store.update("vendor-002", 1, { slug: "vendor-1" }, at(5))).rejects.toBeInstanceOf(
        DuplicateSlugError,
      );
    });

    it("pages in (createdAt, id) order without repeating or skipping a vendor", async () => {
      for (let n = 1; n <= 9; n += 1) await store.insert(vendorFixture(n));
      const seen: string[] = [];
      let after: { createdAt: Date; id: string } | undefined;
      for (;;) {
        const page = await store.list({}, 2, after);
        seen.push(...page.records.map((v) => v.id));
        const last = page.records.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { createdAt: last.createdAt, id: last.id };
      }
      expect(seen).toEqual(Array.from({ length: 9 }, (_, i) => vendorFixture(i + 1).id));
    });

    it("filters and counts by cuisine, status and owner", async () => {
      for (let n = 1; n <= 12; n += 1) await store.insert(vendorFixture(n));
      const ids = async (filter: Parameters<VendorsStore["list"]>[0]) =>
        (await store.list(filter, 100)).records.map((v) => v.id);
      expect(await ids({ cuisines: ["coffee"] })).toEqual([
        "vendor-003",
        "vendor-006",
        "vendor-009",
        "vendor-012",
      ]);
      expect(await ids({ cuisines: ["coffee"], status: "OPEN" })).toEqual(["vendor-006", "vendor-012"]);
      expect(await ids({ ownerId: "owner-a" })).toEqual(["vendor-004", "vendor-008", "vendor-012"]);
      expect(await store.count({ cuisines: ["bbq", "coffee"] })).toBe(12);
      expect(await store.count({ status: "CLOSED" })).toBe(6);
      expect(await store.count({})).toBe(12);
    });

    it("stores onboarding state and changes it at the expected version", async () => {
      const draft = vendorFixture(1, { verification: "DRAFT" });
      await store.insert(draft);
      expect(await store.findById(draft.id)).toEqual(draft);
      const submitted = await store.update(
        draft.id,
        1,
        { verification: "SUBMITTED", submittedAt: at(50), rejectionReason: null },
        at(50),
      );
      expect(submitted).toMatchObject({ verification: "SUBMITTED", submittedAt: at(50), version: 2 });
      const rejected = await store.update(
        draft.id,
        2,
        { verification: "REJECTED", rejectionReason: "Blurry permit" },
        at(60),
      );
      expect(rejected).toMatchObject({
        verification: "REJECTED",
        rejectionReason: "Blurry permit",
        version: 3,
      });
      // The second of two admins deciding at once holds a stale version: nothing is written.
      expect(await store.update(draft.id, 2, { verification: "VERIFIED" }, at(61))).toBeNull();
      expect(await store.findById(draft.id)).toEqual({ ...rejected, updatedAt: at(60) });
    });

    it("lists and counts only what a viewer may see: VERIFIED vendors and the viewer's own", async () => {
      const states = ["VERIFIED", "DRAFT", "SUBMITTED", "REJECTED"] as const;
      // vendor-004, -008 and -012 belong to owner-a; the rest to owner-b.
      for (let n = 1; n <= 12; n += 1)
        await store.insert(vendorFixture(n, { verification: states[n % 4] as (typeof states)[number] }));
      const ids = async (filter: Parameters<VendorsStore["list"]>[0]) =>
        (await store.list(filter, 100)).records.map((v) => v.id);
      expect(await ids({ visibleTo: { userId: null } })).toEqual(["vendor-004", "vendor-008", "vendor-012"]);
      expect(await store.count({ visibleTo: { userId: null } })).toBe(3);
      expect(await ids({ visibleTo: { userId: "owner-b" } })).toEqual(
        Array.from({ length: 12 }, (_, i) => vendorFixture(i + 1).id),
      );
      expect(await store.count({ visibleTo: { userId: "nobody" } })).toBe(3);
      expect(await ids({ verification: "SUBMITTED" })).toEqual(["vendor-002", "vendor-006", "vendor-010"]);
      expect(await ids({ verification: "SUBMITTED", visibleTo: { userId: "owner-a" } })).toEqual([]);
      expect(await ids({ ownerId: "owner-b", visibleTo: { userId: null } })).toEqual([]);
      // With a cursor too: the visibility condition and the page condition both hold.
      const page = await store.list({ visibleTo: { userId: null } }, 1, {
        createdAt: vendorFixture(4).createdAt,
        id: "vendor-004",
      });
      expect(page.records.map((v) => v.id)).toEqual(["vendor-008"]);
      expect(page.hasNextPage).toBe(true);
    });

    it("lists the review queue by submission time, then id, with a total", async () => {
      const submissions: [n: number, second: number][] = [
        [1, 30],
        [2, 10],
        [3, 20],
        [4, 10],
        [5, 5],
      ];
      for (const [n, second] of submissions)
        await store.insert(vendorFixture(n, { verification: "SUBMITTED", submittedAt: at(second) }));
      await store.insert(vendorFixture(6, { verification: "VERIFIED", submittedAt: at(1) }));
      await store.insert(vendorFixture(7, { verification: "REJECTED", submittedAt: at(2) }));
      await store.insert(vendorFixture(8, { verification: "DRAFT" }));
      const seen: string[] = [];
      let after: { submittedAt: Date; id: string } | undefined;
      for (;;) {
        const page = await store.reviewQueue(2, after);
        expect(page.totalCount).toBe(5);
        seen.push(...page.records.map((v) => v.id));
        const last = page.records.at(-1);
        if (!page.hasNextPage || !last?.submittedAt) break;
        after = { submittedAt: last.submittedAt, id: last.id };
      }
      expect(seen).toEqual(["vendor-005", "vendor-002", "vendor-004", "vendor-003", "vendor-001"]);
    });
  });
}
