import { destinationPoint } from "@venta/geo";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UsersService } from "../users/users.service.js";
import { DEFAULT_CHECK_IN_RULES, TRAVEL_SLACK_METERS } from "./check-in-rules.js";
import { CART, type Harness, loyaltyHarness, northOfCart, PROGRAM } from "./loyalty.harness.js";
import { CHECK_IN_WINDOW_MS, LIVE_POSITION_MS, LoyaltyService } from "./loyalty.service.js";
import type { LoyaltyProgramRecord } from "./loyalty-program.record.js";
import { ledgerSum } from "./points.store.contract.js";

/** 13:00 UTC: inside the 12:00–16:00 check-in window. */
const T0 = Date.UTC(2026, 2, 2, 13, 0, 0);

describe("loyalty service", () => {
  let h: Harness;
  let vendorId: string;
  let plainVendorId: string;
  let program: LoyaltyProgramRecord;
  let now: number;
  let loyalty: LoyaltyService;
  const at = (ms: number) => {
    now = T0 + ms;
  };

  beforeEach(async () => {
    ({ h, vendorId, plainVendorId, program } = await loyaltyHarness());
    now = T0;
    loyalty = new LoyaltyService({
      programs: h.stores.loyaltyPrograms,
      points: h.stores.points,
      positions: h.stores.vendorPositions,
      checkIns: h.stores.checkIns,
      vendors: h.stores.vendors,
      accounts: new UsersService(h.stores.users),
      now: () => new Date(now),
    });
  });
  afterEach(() => h.close());

  const balance = async (userId = "customer-1") =>
    (await h.stores.points.findBalance(userId, vendorId))?.points;
  const entries = async (userId = "customer-1") => (await h.stores.points.everythingOf(userId)).entries;
  const vendorAt = (msAgo: number, where = CART) =>
    h.stores.vendorPositions.apply({ vendorId, ...where, recordedAt: new Date(now - msAgo) });

  describe("configuring a program", () => {
    it("sorts tiers, gives new rewards ids, and retires rewards left out", async () => {
      expect(program.tiers.map((t) => t.name)).toEqual(["BRONZE", "SILVER", "GOLD"]);
      const [coffee, taco] = program.rewards;
      const changed = await loyalty.configure(vendorId, {
        ...PROGRAM,
        rewards: [
          { id: taco?.id, name: "Two tacos", costPoints: 300 },
          { name: "Free drink", costPoints: 80 },
        ],
      });
      expect(changed.version).toBe(2);
      expect(changed.rewards.map((r) => [r.name, r.costPoints, r.active])).toEqual([
        ["Two tacos", 300, true],
        ["Free drink", 80, true],
        ["Free coffee", 100, false],
      ]);
      expect(changed.rewards[0]?.id).toBe(taco?.id);
      expect(changed.rewards[2]?.id).toBe(coffee?.id);
    });

    it.each([
      [{ pointsPerCheckIn: -1 }, "pointsPerCheckIn"],
      [{ pointsPerReview: 1.5 }, "pointsPerReview"],
      [{ purchaseUnitMinor: 0 }, "purchaseUnitMinor"],
      [{ tiers: [{ name: "GOLD", threshold: 500 }] }, "tiers"],
      [
        {
          tiers: [
            { name: "A", threshold: 0 },
            { name: "a", threshold: 5 },
          ],
        },
        "tiers",
      ],
      [
        {
          tiers: [
            { name: "A", threshold: 0 },
            { name: "B", threshold: 0 },
          ],
        },
        "tiers",
      ],
      [{ rewards: [{ name: "Free", costPoints: 0 }] }, "rewards"],
      [{ rewards: [{ name: " ", costPoints: 5 }] }, "rewards"],
      [{ rewards: [{ id: "not-ours", name: "Stolen", costPoints: 5 }] }, "rewards"],
    ])("refuses %j with BAD_USER_INPUT on %s and writes nothing", async (change, field) => {
      await expect(loyalty.configure(vendorId, { ...PROGRAM, ...change })).rejects.toMatchObject({
        extensions: { code: "BAD_USER_INPUT", field },
      });
      expect(await h.stores.loyaltyPrograms.findByVendorIds([vendorId])).toEqual([program]);
    });

    it("does not take another program's reward", async () => {
      const other = await loyalty.configure(plainVendorId, {
        ...PROGRAM,
        rewards: [{ name: "X", costPoints: 5 }],
      });
      const stolen = other.rewards[0]?.id as string;
      await expect(
        loyalty.configure(vendorId, { ...PROGRAM, rewards: [{ id: stolen, name: "Mine", costPoints: 1 }] }),
      ).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "rewards" } });
      expect(await h.stores.loyaltyPrograms.findReward(stolen)).toMatchObject({
        vendorId: plainVendorId,
        name: "X",
      });
    });

    it("refuses an unknown vendor with NOT_FOUND", async () => {
      await expect(loyalty.configure("nope", PROGRAM)).rejects.toMatchObject({
        extensions: { code: "NOT_FOUND" },
      });
    });
  });

  describe("checking in", () => {
    /** A second vendor with a program, wherever a test puts it. */
    let farVendorId: string;
    beforeEach(async () => {
      farVendorId = (
        await h.services.vendors.create(
          { name: "Far Cart", cuisines: ["bbq"], ownerId: "owner-2" },
          { verified: true },
        )
      ).id;
      await loyalty.configure(farVendorId, PROGRAM);
    });

    it("earns once per 4-hour window within 150 m of the live vendor", async () => {
      await vendorAt(10_000);
      const near = northOfCart(120);
      const first = await loyalty.checkIn("customer-1", vendorId, near.lat, near.lng);
      expect(first).toMatchObject({ outcome: "EARNED", pointsEarned: 10, balance: { points: 10 } });
      expect(first.distanceMeters).toBeCloseTo(120, 0);
      expect(first.nextCheckInAt).toEqual(new Date(Date.UTC(2026, 2, 2, 16)));

      at(60 * 60 * 1000);
      await vendorAt(0);
      expect(await loyalty.checkIn("customer-1", vendorId, near.lat, near.lng)).toMatchObject({
        outcome: "ALREADY_CHECKED_IN",
        pointsEarned: 0,
        balance: { points: 10 },
      });
      // Another member at the same time earns their own points.
      expect((await loyalty.checkIn("customer-2", vendorId, near.lat, near.lng)).outcome).toBe("EARNED");

      at(3 * 60 * 60 * 1000); // 16:00: the next window.
      await vendorAt(0);
      expect((await loyalty.checkIn("customer-1", vendorId, near.lat, near.lng)).outcome).toBe("EARNED");
      expect(await balance()).toBe(20);
      expect((await entries()).map((e) => e.reference)).toEqual([
        `checkin:customer-1:${vendorId}:${Math.floor(T0 / CHECK_IN_WINDOW_MS)}`,
        `checkin:customer-1:${vendorId}:${Math.floor(T0 / CHECK_IN_WINDOW_MS) + 1}`,
      ]);
    });

    it("counts concurrent check-ins in one window once", async () => {
      await vendorAt(0);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => loyalty.checkIn("customer-1", vendorId, CART.lat, CART.lng)),
      );
      expect(results.filter((r) => r.outcome === "EARNED")).toHaveLength(1);
      expect(await balance()).toBe(10);
    });

    it("earns nothing away from the vendor or when it is not live, writing nothing", async () => {
      const far = northOfCart(151);
      expect(await loyalty.checkIn("customer-1", vendorId, far.lat, far.lng)).toMatchObject({
        outcome: "VENDOR_NOT_LIVE",
        distanceMeters: null,
      });
      await vendorAt(0);
      const tooFar = await loyalty.checkIn("customer-1", vendorId, far.lat, far.lng);
      expect(tooFar.outcome).toBe("TOO_FAR");
      expect(tooFar.distanceMeters).toBeGreaterThan(150);
      await vendorAt(LIVE_POSITION_MS + 1, CART); // older than the stored one: ignored
      at(LIVE_POSITION_MS + 1); // the stored position is now stale
      expect((await loyalty.checkIn("customer-1", vendorId, CART.lat, CART.lng)).outcome).toBe(
        "VENDOR_NOT_LIVE",
      );
      expect(await entries()).toEqual([]);
      expect(await balance()).toBeUndefined();
    });

    it("refuses check-ins beyond the hourly limit with RATE_LIMITED, at all vendors together", async () => {
      await vendorAt(0);
      const limit = DEFAULT_CHECK_IN_RULES.limitPerHour;
      for (let i = 0; i < limit; i += 1) {
        at(i * 60_000);
        await vendorAt(0);
        await loyalty.checkIn("customer-1", i % 2 ? farVendorId : vendorId, CART.lat, CART.lng);
      }
      at(limit * 60_000);
      await expect(loyalty.checkIn("customer-1", vendorId, CART.lat, CART.lng)).rejects.toMatchObject({
        extensions: { code: "RATE_LIMITED", retryAfterSeconds: 3600 - limit * 60 },
      });
      // Another person is not held back; the first has room again an hour after their first check-in.
      expect((await loyalty.checkIn("customer-2", vendorId, CART.lat, CART.lng)).outcome).toBe("EARNED");
      at(3_600_000);
      await vendorAt(0);
      expect((await loyalty.checkIn("customer-1", vendorId, CART.lat, CART.lng)).outcome).toBe(
        "ALREADY_CHECKED_IN",
      );
    });

    it("lets no more than the hourly limit through when check-ins race", async () => {
      await vendorAt(0);
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, () => loyalty.checkIn("customer-1", vendorId, CART.lat, CART.lng)),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(
        DEFAULT_CHECK_IN_RULES.limitPerHour,
      );
      expect(await balance()).toBe(10);
    });

    it("holds a check-in the member could not have travelled to in time, paying nothing", async () => {
      await vendorAt(0);
      expect((await loyalty.checkIn("customer-1", vendorId, CART.lat, CART.lng)).outcome).toBe("EARNED");
      // Ten minutes later, 200 km away: 1200 km/h.
      at(10 * 60_000);
      const away = destinationPoint(CART, 90, 200_000);
      await h.stores.vendorPositions.apply({ vendorId: farVendorId, ...away, recordedAt: new Date(now) });
      const held = await loyalty.checkIn("customer-1", farVendorId, away.lat, away.lng);
      expect(held).toMatchObject({ outcome: "HELD_FOR_REVIEW", pointsEarned: 0, balance: null });
      expect(await entries()).toHaveLength(1);
      const [flagged] = (await loyalty.flaggedCheckIns(10)).records;
      expect(flagged).toMatchObject({ userId: "customer-1", vendorId: farVendorId, status: "FLAGGED" });
      expect(flagged?.travel).toMatchObject({ fromLat: CART.lat, fromLng: CART.lng, elapsedSeconds: 600 });
      // Three hours after the first check-in the same trip is a drive: it earns.
      at(3 * 3_600_000);
      await h.stores.vendorPositions.apply({ vendorId: farVendorId, ...away, recordedAt: new Date(now) });
      expect((await loyalty.checkIn("customer-1", farVendorId, away.lat, away.lng)).outcome).toBe("EARNED");
    });

    it("never pays two check-ins sent at once from far apart", async () => {
      const away = destinationPoint(CART, 90, 200_000);
      await vendorAt(0);
      await h.stores.vendorPositions.apply({ vendorId: farVendorId, ...away, recordedAt: new Date(now) });
      const results = await Promise.all([
        loyalty.checkIn("customer-1", vendorId, CART.lat, CART.lng),
        loyalty.checkIn("customer-1", farVendorId, away.lat, away.lng),
      ]);
      expect(results.map((r) => r.outcome).sort()).toEqual(["EARNED", "HELD_FOR_REVIEW"]);
      expect(await entries()).toHaveLength(1);
    });

    it("counts nearby check-ins minutes apart as walking, not travel", async () => {
      await vendorAt(0);
      await loyalty.checkIn("customer-1", vendorId, CART.lat, CART.lng);
      const nextStreet = destinationPoint(CART, 45, TRAVEL_SLACK_METERS - 10);
      await h.stores.vendorPositions.apply({
        vendorId: farVendorId,
        ...nextStreet,
        recordedAt: new Date(now),
      });
      expect((await loyalty.checkIn("customer-1", farVendorId, nextStreet.lat, nextStreet.lng)).outcome).toBe(
        "EARNED",
      );
    });

    it.each([
      ["lat", 91, 0],
      ["lng", 0, -181],
      ["lat", Number.NaN, 0],
    ])("refuses a bad %s with BAD_USER_INPUT", async (field, lat, lng) => {
      await vendorAt(0);
      await expect(loyalty.checkIn("customer-1", vendorId, lat, lng)).rejects.toMatchObject({
        extensions: { code: "BAD_USER_INPUT", field },
      });
      expect(await entries()).toEqual([]);
    });

    it("refuses vendors without a program or check-in points, and people without an account", async () => {
      await expect(loyalty.checkIn("customer-1", plainVendorId, CART.lat, CART.lng)).rejects.toMatchObject({
        extensions: { code: "BAD_USER_INPUT", field: "vendorId" },
      });
      await expect(loyalty.checkIn("customer-1", "nope", CART.lat, CART.lng)).rejects.toMatchObject({
        extensions: { code: "NOT_FOUND" },
      });
      await vendorAt(0);
      await expect(loyalty.checkIn("stranger", vendorId, CART.lat, CART.lng)).rejects.toMatchObject({
        extensions: { code: "NOT_FOUND" },
      });
      await loyalty.configure(vendorId, { ...PROGRAM, pointsPerCheckIn: 0 });
      await expect(loyalty.checkIn("customer-1", vendorId, CART.lat, CART.lng)).rejects.toMatchObject({
        extensions: { code: "BAD_USER_INPUT", field: "vendorId" },
      });
      expect(await entries("stranger")).toEqual([]);
    });
  });

  describe("earning from events", () => {
    const review = (reviewId: string, status: "PUBLISHED" | "PENDING", authorId = "customer-1") => ({
      reviewId,
      vendorId,
      authorId,
      rating: 5,
      status,
      submittedAt: new Date(now).toISOString(),
    });

    it("pays a published review once, edits and redeliveries included", async () => {
      expect(await loyalty.recordReview(review("r1", "PENDING"))).toBe(false);
      expect(await loyalty.recordReview(review("r1", "PUBLISHED"))).toBe(true);
      expect(await loyalty.recordReview(review("r1", "PUBLISHED"))).toBe(false);
      at(1000); // entries list oldest first, and ties in time are broken by random ids
      expect(await loyalty.recordReview(review("r2", "PUBLISHED"))).toBe(true);
      expect(await balance()).toBe(50);
      expect((await entries()).map((e) => [e.reason, e.reference])).toEqual([
        ["REVIEW", "review:r1"],
        ["REVIEW", "review:r2"],
      ]);
    });

    it("pays whole purchase units, once per purchase, and nothing for a vendor without a program", async () => {
      const purchase = (purchaseId: string, amountMinor: number, vendor = vendorId) => ({
        purchaseId,
        userId: "customer-1",
        vendorId: vendor,
        amountMinor,
        currency: "USD",
        at: new Date(now).toISOString(),
      });
      expect(await loyalty.recordPurchase(purchase("p1", 1299))).toBe(true); // 12 units × 2
      expect(await loyalty.recordPurchase(purchase("p1", 1299))).toBe(false);
      expect(await loyalty.recordPurchase(purchase("p2", 99))).toBe(false); // under one unit
      expect(await loyalty.recordPurchase(purchase("p3", 5000, plainVendorId))).toBe(false);
      expect(await balance()).toBe(24);
      expect(await ledgerSum(h.stores.points, "customer-1", vendorId)).toBe(24);
    });

    it("pays nothing to unknown or deleted accounts", async () => {
      expect(await loyalty.recordReview(review("r1", "PUBLISHED", "stranger"))).toBe(false);
      await h.stores.users.erase("customer-2", new Date(now));
      expect(await loyalty.recordReview(review("r2", "PUBLISHED", "customer-2"))).toBe(false);
      expect(await entries("stranger")).toEqual([]);
      expect(await entries("customer-2")).toEqual([]);
    });

    it("announces every earning", async () => {
      const seen: unknown[] = [];
      h.bus.consume("test", ["marketplace.points_earned"], (event) => {
        seen.push(event.payload);
      });
      await loyalty.recordReview(review("r1", "PUBLISHED"));
      await expect.poll(() => seen.length).toBe(1);
      const [entry] = await entries();
      expect(seen[0]).toEqual({
        userId: "customer-1",
        vendorId,
        points: 25,
        entryId: entry?.id,
        reason: "REVIEW",
        at: new Date(T0).toISOString(),
      });
    });
  });

  describe("redeeming and adjusting", () => {
    it("spends points on an active reward and refuses what the balance does not cover", async () => {
      const [coffee, taco] = program.rewards;
      await loyalty.adjust("customer-1", vendorId, 120, "welcome");
      at(1000);
      const redemption = await loyalty.redeem("customer-1", coffee?.id as string);
      expect(redemption).toMatchObject({
        reward: { name: "Free coffee" },
        balance: { points: 20, lifetimePoints: 120 },
      });
      expect(redemption.entry).toMatchObject({ delta: -100, reason: "REDEMPTION" });
      await expect(loyalty.redeem("customer-1", taco?.id as string)).rejects.toMatchObject({
        extensions: { code: "BAD_USER_INPUT", field: "rewardId" },
      });
      await expect(loyalty.redeem("customer-1", "no-such-reward")).rejects.toMatchObject({
        extensions: { code: "NOT_FOUND" },
      });
      await loyalty.configure(vendorId, { ...PROGRAM, rewards: [] });
      at(2000);
      await loyalty.adjust("customer-1", vendorId, 500, "make it rain");
      await expect(loyalty.redeem("customer-1", coffee?.id as string)).rejects.toMatchObject({
        extensions: { code: "BAD_USER_INPUT", field: "rewardId" },
      });
      expect(await balance()).toBe(520);
      expect((await entries()).map((e) => e.delta)).toEqual([120, -100, 500]);
    });

    it("applies an adjustment once per reference and never below zero", async () => {
      await loyalty.adjust("customer-1", vendorId, 30, "goodwill");
      await expect(loyalty.adjust("customer-1", vendorId, 30, "goodwill")).rejects.toMatchObject({
        extensions: { code: "CONFLICT", field: "reference" },
      });
      await expect(loyalty.adjust("customer-1", vendorId, -31, "fix")).rejects.toMatchObject({
        extensions: { code: "BAD_USER_INPUT", field: "delta" },
      });
      await expect(loyalty.adjust("stranger", vendorId, 5, "x")).rejects.toMatchObject({
        extensions: { code: "BAD_USER_INPUT", field: "userId" },
      });
      await expect(loyalty.adjust("customer-1", vendorId, 0, "zero")).rejects.toMatchObject({
        extensions: { code: "BAD_USER_INPUT", field: "delta" },
      });
      expect((await loyalty.adjust("customer-1", vendorId, -30, "fix")).balance).toMatchObject({
        points: 0,
        lifetimePoints: 30,
      });
      expect(await ledgerSum(h.stores.points, "customer-1", vendorId)).toBe(0);
    });
  });
});
