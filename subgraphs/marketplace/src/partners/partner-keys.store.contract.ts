import type { Outbox } from "@venta/events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { announceIf, failingAnnounce, recordedLabels } from "../outbox.harness.js";
import type { PartnerKeyListKey, PartnerKeyRecord } from "./partner-key.record.js";
import { DuplicatePartnerKeyError, type PartnerKeysStore } from "./partner-keys.store.js";

export interface OpenedPartnerKeysStore {
  store: PartnerKeysStore;
  /** The outbox the store records its announcements in. */
  outbox: Outbox;
  close(): Promise<void>;
}

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

export const partnerKeyFixture = (
  n: number,
  overrides: Partial<PartnerKeyRecord> = {},
): PartnerKeyRecord => ({
  id: `key-${String(n).padStart(3, "0")}`,
  name: `Partner ${n}`,
  prefix: `vpk_${String(n).padStart(8, "0")}`,
  keyHash: n.toString(16).padStart(64, "0"),
  scopes: n % 2 === 0 ? ["READ", "SUBSCRIBE"] : ["INTROSPECT"],
  createdBy: "admin-1",
  // Pairs share a creation time so the id tie-break is exercised.
  createdAt: at(Math.floor(n / 2)),
  revokedAt: null,
  lastUsedAt: null,
  ...overrides,
});

/** The behaviour every partner keys store must show; each adapter's test file runs it. */
export function partnerKeysStoreContract(adapter: string, open: () => Promise<OpenedPartnerKeysStore>): void {
  describe(`${adapter} partner keys store`, () => {
    let opened: OpenedPartnerKeysStore;
    let store: PartnerKeysStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    const allIds = async (first: number, includeRevoked: boolean) => {
      const seen: string[] = [];
      const totals = new Set<number>();
      let after: PartnerKeyListKey | undefined;
      for (;;) {
        const page = await store.list({ first, after, includeRevoked });
        seen.push(...page.records.map((k) => k.id));
        totals.add(page.totalCount);
        const last = page.records.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { createdAt: last.createdAt, id: last.id };
      }
      return { seen, totals: [...totals] };
    };

    it("stores and reads back every field, by id and by hash", async () => {
      const key = partnerKeyFixture(2, { lastUsedAt: at(50), revokedAt: at(60) });
      await store.insert(key);
      expect(await store.findById(key.id)).toEqual(key);
      expect(await store.findByHash(key.keyHash)).toEqual(key);
      const fresh = partnerKeyFixture(3);
      await store.insert(fresh);
      expect(await store.findById(fresh.id)).toEqual(fresh);
      expect(await store.findById("missing")).toBeNull();
      expect(await store.findByHash("f".repeat(64))).toBeNull();
    });

    it("refuses a second key with the same hash, or the same id, and writes nothing", async () => {
      await store.insert(partnerKeyFixture(1));
      await expect(
        store.insert(partnerKeyFixture(2, { keyHash: partnerKeyFixture(1).keyHash })),
      ).rejects.toBeInstanceOf(DuplicatePartnerKeyError);
      expect(await store.findById(partnerKeyFixture(2).id)).toBeNull();
      await expect(store.insert(partnerKeyFixture(1, { keyHash: "e".repeat(64) }))).rejects.toBeInstanceOf(
        DuplicatePartnerKeyError,
      );
      expect(await store.findByHash("e".repeat(64))).toBeNull();
      expect((await store.list({ first: 10 })).totalCount).toBe(1);
    });

    it("pages newest first, in (createdAt, id) order, without repeating or skipping a key", async () => {
      for (let n = 1; n <= 9; n += 1) await store.insert(partnerKeyFixture(n));
      const expected = Array.from({ length: 9 }, (_, i) => partnerKeyFixture(9 - i).id);
      for (const first of [1, 2, 4, 100]) {
        expect(await allIds(first, false)).toEqual({ seen: expected, totals: [9] });
      }
      const page = await store.list({ first: 3 });
      expect(page.records.map((k) => k.id)).toEqual(["key-009", "key-008", "key-007"]);
      expect(page.hasNextPage).toBe(true);
      expect((await store.list({ first: 9 })).hasNextPage).toBe(false);
    });

    it("lists and counts revoked keys only when asked", async () => {
      for (let n = 1; n <= 6; n += 1) await store.insert(partnerKeyFixture(n));
      await store.revoke("key-002", at(100));
      await store.revoke("key-005", at(100));
      expect(await allIds(2, false)).toEqual({
        seen: ["key-006", "key-004", "key-003", "key-001"],
        totals: [4],
      });
      expect(await allIds(2, true)).toEqual({
        seen: ["key-006", "key-005", "key-004", "key-003", "key-002", "key-001"],
        totals: [6],
      });
      expect(await store.list({ first: 10 })).toMatchObject({ hasNextPage: false, totalCount: 4 });
    });

    it("revokes once: revoking again keeps the first time; an unknown key is null", async () => {
      await store.insert(partnerKeyFixture(1));
      expect(await store.revoke("key-001", at(100))).toEqual({
        key: { ...partnerKeyFixture(1), revokedAt: at(100) },
        revokedNow: true,
      });
      expect(await store.revoke("key-001", at(200))).toMatchObject({
        key: { id: "key-001", revokedAt: at(100) },
        revokedNow: false,
      });
      expect((await store.findById("key-001"))?.revokedAt).toEqual(at(100));
      expect(await store.revoke("missing", at(100))).toBeNull();
    });

    it("records the revocation's announcement in the same write, only for the revocation that happened", async () => {
      await store.insert(partnerKeyFixture(1));
      const revokedNow = (label: string) =>
        announceIf(label, (result: { revokedNow: boolean } | null) => result?.revokedNow === true);
      await store.revoke("key-001", at(100), revokedNow("first"));
      await store.revoke("key-001", at(200), revokedNow("again"));
      await store.revoke("missing", at(200), revokedNow("unknown"));
      expect(await recordedLabels(opened.outbox)).toEqual(["first"]);
    });

    it("does not revoke when its announcement cannot be made", async () => {
      await store.insert(partnerKeyFixture(1));
      await expect(store.revoke("key-001", at(100), failingAnnounce)).rejects.toThrow();
      expect((await store.findById("key-001"))?.revokedAt).toBeNull();
      expect(await opened.outbox.count()).toBe(0);
    });

    it("records the last use at most once per interval", async () => {
      await store.insert(partnerKeyFixture(1));
      const minute = 60_000;
      expect(await store.touch("key-001", at(100), minute)).toBe(true);
      expect((await store.findById("key-001"))?.lastUsedAt).toEqual(at(100));
      expect(await store.touch("key-001", at(130), minute)).toBe(false);
      expect(await store.touch("key-001", at(160), minute)).toBe(false);
      expect((await store.findById("key-001"))?.lastUsedAt).toEqual(at(100));
      expect(await store.touch("key-001", at(161), minute)).toBe(true);
      expect((await store.findById("key-001"))?.lastUsedAt).toEqual(at(161));
      // A use reported late (another instance's clock) never moves the time back.
      expect(await store.touch("key-001", at(120), minute)).toBe(false);
      expect((await store.findById("key-001"))?.lastUsedAt).toEqual(at(161));
      expect(await store.touch("missing", at(100), minute)).toBe(false);
      // Only lastUsedAt changes.
      expect(await store.findById("key-001")).toEqual({ ...partnerKeyFixture(1), lastUsedAt: at(161) });
    });
  });
}
