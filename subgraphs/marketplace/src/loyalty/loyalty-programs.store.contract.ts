import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LoyaltyProgramRecord, RewardRecord } from "./loyalty-program.record.js";
import type { LoyaltyProgramsStore } from "./loyalty-programs.store.js";

export interface OpenedLoyaltyProgramsStore {
  store: LoyaltyProgramsStore;
  close(): Promise<void>;
}

const at = new Date(Date.UTC(2026, 2, 1));

const reward = (vendorId: string, id: string, costPoints: number, active = true): RewardRecord => ({
  id,
  vendorId,
  name: `Reward ${id}`,
  costPoints,
  active,
  createdAt: at,
  updatedAt: at,
});

export const programFixture = (
  vendorId: string,
  overrides: Partial<LoyaltyProgramRecord> = {},
): LoyaltyProgramRecord => ({
  vendorId,
  pointsPerCheckIn: 10,
  pointsPerReview: 25,
  pointsPerPurchaseUnit: 1,
  purchaseUnitMinor: 100,
  tiers: [
    { name: "BRONZE", threshold: 0 },
    { name: "SILVER", threshold: 200 },
    { name: "GOLD", threshold: 500 },
  ],
  rewards: [reward(vendorId, `${vendorId}-coffee`, 100), reward(vendorId, `${vendorId}-taco`, 250)],
  version: 1,
  createdAt: at,
  updatedAt: at,
  ...overrides,
});

/** The behaviour every loyalty programs store must show; each adapter's test file runs it. */
export function loyaltyProgramsStoreContract(
  adapter: string,
  open: () => Promise<OpenedLoyaltyProgramsStore>,
): void {
  describe(`${adapter} loyalty programs store`, () => {
    let opened: OpenedLoyaltyProgramsStore;
    let store: LoyaltyProgramsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("stores programs with their rewards in order, and finds many at once", async () => {
      const a = programFixture("vendor-a");
      const b = programFixture("vendor-b", { tiers: [], rewards: [] });
      expect(await store.save(a, null)).toBe(true);
      expect(await store.save(b, null)).toBe(true);
      const found = await store.findByVendorIds(["vendor-b", "nobody", "vendor-a"]);
      expect(found.sort((x, y) => x.vendorId.localeCompare(y.vendorId))).toEqual([a, b]);
      expect(await store.findByVendorIds([])).toEqual([]);
      expect(await store.findReward("vendor-a-taco")).toEqual(a.rewards[1]);
      expect(await store.findReward("nothing")).toBeNull();
    });

    it("creates a program once", async () => {
      expect(await store.save(programFixture("vendor-a"), null)).toBe(true);
      expect(await store.save(programFixture("vendor-a", { pointsPerCheckIn: 99 }), null)).toBe(false);
      expect((await store.findByVendorIds(["vendor-a"]))[0]?.pointsPerCheckIn).toBe(10);
    });

    it("replaces a program and its catalogue only at the expected version", async () => {
      await store.save(programFixture("vendor-a"), null);
      const later = new Date(Date.UTC(2026, 2, 2));
      const changed = programFixture("vendor-a", {
        pointsPerCheckIn: 15,
        tiers: [{ name: "MEMBER", threshold: 0 }],
        rewards: [
          { ...reward("vendor-a", "vendor-a-taco", 300, false), updatedAt: later },
          reward("vendor-a", "vendor-a-burrito", 400),
        ],
        version: 2,
        updatedAt: later,
      });
      expect(await store.save(changed, 1)).toBe(true);
      expect(await store.findByVendorIds(["vendor-a"])).toEqual([changed]);
      expect(await store.findReward("vendor-a-coffee")).toBeNull();
      expect(await store.findReward("vendor-a-taco")).toMatchObject({ costPoints: 300, active: false });

      // A writer that read version 1 lost the race: nothing of its change is written.
      const stale = programFixture("vendor-a", { pointsPerCheckIn: 1, rewards: [], version: 2 });
      expect(await store.save(stale, 1)).toBe(false);
      expect(await store.findByVendorIds(["vendor-a"])).toEqual([changed]);
      expect(await store.save(programFixture("vendor-z", { version: 2 }), 1)).toBe(false);
      expect(await store.findByVendorIds(["vendor-z"])).toEqual([]);
    });
  });
}
