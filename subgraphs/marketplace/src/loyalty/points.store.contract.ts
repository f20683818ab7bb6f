import type { Outbox } from "@venta/events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { announceIf } from "../outbox.harness.js";
import type { AppendResult, LedgerEntryRecord, PointsReason } from "./points.record.js";
import type { PointsStore } from "./points.store.js";

export interface OpenedPointsStore {
  store: PointsStore;
  /** The outbox the store records its announcements in. */
  outbox: Outbox;
  close(): Promise<void>;
}

const t0 = Date.UTC(2026, 2, 1, 12);
let seq = 0;

/** A ledger entry; ids and references are unique unless given. */
export function entryFixture(
  userId: string,
  vendorId: string,
  delta: number,
  overrides: Partial<LedgerEntryRecord> = {},
): LedgerEntryRecord {
  seq += 1;
  const reason: PointsReason = delta > 0 ? "PURCHASE" : "REDEMPTION";
  return {
    id: `entry-${String(seq).padStart(5, "0")}`,
    userId,
    vendorId,
    delta,
    reason,
    reference: `test:${seq}`,
    createdAt: new Date(t0 + seq * 1000),
    ...overrides,
  };
}

/** The sum of a pair's ledger deltas: what its balance must always equal. */
export async function ledgerSum(store: PointsStore, userId: string, vendorId: string): Promise<number> {
  const { entries } = await store.everythingOf(userId);
  return entries.filter((e) => e.vendorId === vendorId).reduce((sum, e) => sum + e.delta, 0);
}

/** The behaviour every points store must show; each adapter's test file runs it. */
export function pointsStoreContract(adapter: string, open: () => Promise<OpenedPointsStore>): void {
  describe(`${adapter} points store`, () => {
    let opened: OpenedPointsStore;
    let store: PointsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("credits and debits, counting only credits towards lifetime points", async () => {
      const credit = entryFixture("u1", "v1", 120);
      const appended = await store.append(credit);
      expect(appended).toMatchObject({
        status: "appended",
        entry: credit,
        balance: { userId: "u1", vendorId: "v1", points: 120, lifetimePoints: 120 },
      });
      await store.append(entryFixture("u1", "v1", -50));
      await store.append(entryFixture("u1", "v1", 30));
      expect(await store.findBalance("u1", "v1")).toMatchObject({ points: 100, lifetimePoints: 150 });
      expect(await ledgerSum(store, "u1", "v1")).toBe(100);
      expect(await store.findBalance("u1", "v2")).toBeNull();
    });

    it("counts a reference once, for credits and debits alike", async () => {
      await store.append(entryFixture("u1", "v1", 100, { reference: "review:r1" }));
      expect(await store.append(entryFixture("u1", "v1", 100, { reference: "review:r1" }))).toEqual({
        status: "duplicate",
      });
      await store.append(entryFixture("u1", "v1", -10, { reference: "redemption:x" }));
      expect(await store.append(entryFixture("u1", "v1", -10, { reference: "redemption:x" }))).toEqual({
        status: "duplicate",
      });
      expect(await store.findBalance("u1", "v1")).toMatchObject({ points: 90, lifetimePoints: 100 });
      expect((await store.everythingOf("u1")).entries).toHaveLength(2);
    });

    it("refuses a debit the balance does not cover, writing nothing", async () => {
      expect(await store.append(entryFixture("u1", "v1", -1))).toEqual({ status: "insufficient", points: 0 });
      await store.append(entryFixture("u1", "v1", 40));
      const before = await store.findBalance("u1", "v1");
      expect(await store.append(entryFixture("u1", "v1", -41))).toEqual({
        status: "insufficient",
        points: 40,
      });
      expect(await store.findBalance("u1", "v1")).toEqual(before);
      expect((await store.everythingOf("u1")).entries).toHaveLength(1);
      expect(await store.append(entryFixture("u1", "v1", -40))).toMatchObject({
        status: "appended",
        balance: { points: 0 },
      });
    });

    // Production appends with an announcement (inside a transaction) and, for some corrections,
    // without one: both paths must hold under concurrency.
    for (const [path, announce] of [
      ["unannounced", undefined],
      ["announced, in a transaction", announceIf("points", (r: AppendResult) => r.status === "appended")],
    ] as const) {
      it(`never lets concurrent debits spend the same points twice (${path})`, async () => {
        await store.append(entryFixture("u1", "v1", 350), announce);
        const results = await Promise.all(
          Array.from({ length: 20 }, () => store.append(entryFixture("u1", "v1", -100), announce)),
        );
        expect(results.filter((r) => r.status === "appended")).toHaveLength(3);
        expect(results.filter((r) => r.status === "insufficient")).toHaveLength(17);
        expect((await store.findBalance("u1", "v1"))?.points).toBe(50);
        expect(await ledgerSum(store, "u1", "v1")).toBe(50);
        if (announce) expect(await opened.outbox.count()).toBe(4);
      });

      it(`keeps every balance equal to its ledger sum through a mixed, concurrent workload (${path})`, async () => {
        const pairs = [
          ["u1", "v1"],
          ["u1", "v2"],
          ["u2", "v1"],
        ] as const;
        const work: Promise<AppendResult>[] = [];
        for (let i = 0; i < 60; i += 1) {
          const [userId, vendorId] = pairs[i % pairs.length] as readonly [string, string];
          const delta = i % 3 === 0 ? -(5 + (i % 7)) : 3 + (i % 11);
          // Every fifth entry repeats an earlier reference: it must not count.
          const reference = i % 5 === 4 ? `test:mixed:${i - 1}` : `test:mixed:${i}`;
          work.push(store.append(entryFixture(userId, vendorId, delta, { reference }), announce));
        }
        const results = await Promise.all(work);
        for (const [userId, vendorId] of pairs) {
          const balance = await store.findBalance(userId, vendorId);
          expect(balance?.points ?? 0).toBe(await ledgerSum(store, userId, vendorId));
          expect(balance?.points ?? 0).toBeGreaterThanOrEqual(0);
        }
        const appended = results.filter((r) => r.status === "appended").length;
        if (announce) expect(await opened.outbox.count()).toBe(appended);
      });
    }

    it("pages a member's balances by vendor and their ledger newest first", async () => {
      for (const vendorId of ["v3", "v1", "v2"]) await store.append(entryFixture("u1", vendorId, 10));
      await store.append(entryFixture("u2", "v1", 10));
      const first = await store.listBalances("u1", 2);
      expect(first.records.map((b) => b.vendorId)).toEqual(["v1", "v2"]);
      expect(first).toMatchObject({ hasNextPage: true, totalCount: 3 });
      const second = await store.listBalances("u1", 2, "v2");
      expect(second.records.map((b) => b.vendorId)).toEqual(["v3"]);
      expect(second.hasNextPage).toBe(false);

      const entries = [10, 20, -5, 7].map((delta) => entryFixture("u3", "v1", delta));
      for (const entry of entries) await store.append(entry);
      await store.append(entryFixture("u3", "v2", 99));
      const page1 = await store.listEntries("u3", "v1", 3);
      expect(page1.records.map((e) => e.delta)).toEqual([7, -5, 20]);
      expect(page1).toMatchObject({ hasNextPage: true, totalCount: 4 });
      const last = page1.records.at(-1) as LedgerEntryRecord;
      const page2 = await store.listEntries("u3", "v1", 3, { createdAt: last.createdAt, id: last.id });
      expect(page2.records).toEqual([entries[0]]);
      expect(page2.hasNextPage).toBe(false);
    });

    it("hands over and erases one member's points, and only theirs", async () => {
      await store.append(entryFixture("u1", "v1", 10));
      await store.append(entryFixture("u1", "v2", 20));
      await store.append(entryFixture("u2", "v1", 30));
      const mine = await store.everythingOf("u1");
      expect(mine.balances.map((b) => [b.vendorId, b.points])).toEqual([
        ["v1", 10],
        ["v2", 20],
      ]);
      expect(mine.entries.every((e) => e.userId === "u1")).toBe(true);
      expect(mine.entries).toHaveLength(2);

      await store.eraseUser("u1");
      expect(await store.everythingOf("u1")).toEqual({ balances: [], entries: [] });
      expect(await store.findBalance("u1", "v1")).toBeNull();
      expect((await store.findBalance("u2", "v1"))?.points).toBe(30);
      expect((await store.everythingOf("u2")).entries).toHaveLength(1);
    });
  });
}
