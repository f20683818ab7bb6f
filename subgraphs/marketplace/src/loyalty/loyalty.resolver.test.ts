import { anonymous, partnerViewer, type Viewer } from "@venta/auth";
import type { ExecutionResult } from "graphql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CHECK_IN_RULES } from "./check-in-rules.js";
import {
  admin,
  CART,
  customer,
  type Harness,
  loyaltyHarness,
  northOfCart,
  otherCustomer,
  otherOwner,
  owner,
  PROGRAM,
} from "./loyalty.harness.js";
import type { LoyaltyProgramRecord } from "./loyalty-program.record.js";
import { ledgerSum } from "./points.store.contract.js";

/** A root field of a successful result. */
const data = <T>(result: ExecutionResult, field: string): T => (result.data as Record<string, T>)[field] as T;

const outcome = (result: { errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

const partner = partnerViewer({ keyId: "key-1", name: "Eat Map", scopes: ["READ"] });

const CONFIGURE = `mutation ($vendorId: ID!, $input: ConfigureLoyaltyProgramInput!) {
  configureLoyaltyProgram(vendorId: $vendorId, input: $input) {
    pointsPerCheckIn tiers { name threshold } rewards { id name costPoints active }
  }
}`;
const REDEEM = `mutation ($rewardId: ID!) {
  redeemReward(rewardId: $rewardId) { entry { id delta reason } reward { name } balance { points } }
}`;
const CHECK_IN = `mutation ($vendorId: ID!, $lat: Float!, $lng: Float!) {
  checkIn(vendorId: $vendorId, lat: $lat, lng: $lng) { outcome pointsEarned balance { points } }
}`;
const MY_LOYALTY = `query ($id: ID!, $vendorId: ID!, $after: String) {
  user(id: $id) {
    loyalty(first: 10) {
      totalCount
      edges { node { points lifetimePoints tier { name } nextTier { name threshold } vendor { id name } } }
    }
    pointsLedger(vendorId: $vendorId, first: 2, after: $after) {
      totalCount
      edges { cursor node { delta reason vendor { id } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

describe("loyalty over GraphQL", () => {
  let h: Harness;
  let vendorId: string;
  let program: LoyaltyProgramRecord;
  beforeEach(async () => {
    ({ h, vendorId, program } = await loyaltyHarness());
  });
  afterEach(() => h.close());

  const give = (userId: string, points: number, reference = `gift-${userId}-${points}`) =>
    h.services.loyalty.adjust(userId, vendorId, points, reference);

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a customer", customer, "FORBIDDEN"],
    ["a partner key", partner, "FORBIDDEN"],
    ["another vendor's owner", otherOwner, "FORBIDDEN"],
    ["its owner", owner, "allowed"],
    ["an admin", admin, "allowed"],
  ])("configureLoyaltyProgram by %s: %s", async (_who, viewer, expected) => {
    const input = { ...PROGRAM, pointsPerCheckIn: 42 };
    const result = await h.run(CONFIGURE, { vendorId, input }, viewer);
    expect(outcome(result)).toBe(expected);
    const [stored] = await h.stores.loyaltyPrograms.findByVendorIds([vendorId]);
    expect(stored?.pointsPerCheckIn).toBe(expected === "allowed" ? 42 : 10);
  });

  it("configures a program and shows it publicly on the vendor, active rewards only", async () => {
    const result = await h.run(
      CONFIGURE,
      {
        vendorId,
        input: {
          ...PROGRAM,
          rewards: [{ id: program.rewards[1]?.id, name: "Free taco", costPoints: 250, active: false }],
        },
      },
      owner,
    );
    expect(result.errors).toBeUndefined();
    const query = `query ($id: ID!, $all: Boolean!) { vendor(id: $id) { loyaltyProgram {
      pointsPerCheckIn tiers { name } rewards(includeInactive: $all) { name active } vendor { id } } } }`;
    const seenByAnyone = await h.run(query, { id: vendorId, all: false });
    expect(seenByAnyone.data?.vendor).toEqual({
      loyaltyProgram: {
        pointsPerCheckIn: 10,
        tiers: [{ name: "BRONZE" }, { name: "SILVER" }, { name: "GOLD" }],
        rewards: [],
        vendor: { id: vendorId },
      },
    });
    const all = await h.run(query, { id: vendorId, all: true }, owner);
    expect(data<{ loyaltyProgram: { rewards: unknown[] } }>(all, "vendor").loyaltyProgram.rewards).toEqual([
      { name: "Free taco", active: false },
      { name: "Free coffee", active: false },
    ]);
    expect(outcome(await h.run(query, { id: vendorId, all: true }, customer))).toBe("FORBIDDEN");
  });

  it("refuses bad program input with the field at fault, writing nothing", async () => {
    const result = await h.run(
      CONFIGURE,
      { vendorId, input: { ...PROGRAM, rewards: [{ name: "Free", costPoints: -5 }] } },
      owner,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "rewards" });
    expect(await h.stores.loyaltyPrograms.findByVendorIds([vendorId])).toEqual([program]);
  });

  it("loads the programs of many vendors with one store query", async () => {
    for (let i = 0; i < 5; i += 1)
      await h.services.vendors.create(
        { name: `Cart ${i}`, cuisines: ["bbq"], ownerId: "owner-1" },
        { verified: true },
      );
    let batches = 0;
    const findByVendorIds = h.stores.loyaltyPrograms.findByVendorIds.bind(h.stores.loyaltyPrograms);
    h.stores.loyaltyPrograms.findByVendorIds = (ids) => {
      batches += 1;
      return findByVendorIds(ids);
    };
    const result = await h.run(
      `{ vendors(first: 10) { edges { node { id loyaltyProgram { pointsPerReview } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const nodes = data<{ edges: { node: { id: string; loyaltyProgram: unknown } }[] }>(
      result,
      "vendors",
    ).edges;
    expect(nodes).toHaveLength(7);
    expect(nodes.filter((e) => e.node.loyaltyProgram !== null).map((e) => e.node.id)).toEqual([vendorId]);
    expect(batches).toBe(1);
  });

  it("checks a signed-in person in at a live vendor", async () => {
    await h.stores.vendorPositions.apply({ vendorId, ...CART, recordedAt: new Date() });
    const near = northOfCart(50);
    expect(outcome(await h.run(CHECK_IN, { vendorId, ...near }))).toBe("UNAUTHENTICATED");
    const first = await h.run(CHECK_IN, { vendorId, ...near }, customer);
    expect(first.data?.checkIn).toEqual({ outcome: "EARNED", pointsEarned: 10, balance: { points: 10 } });
    const again = await h.run(CHECK_IN, { vendorId, ...near }, customer);
    expect(again.data?.checkIn).toEqual({
      outcome: "ALREADY_CHECKED_IN",
      pointsEarned: 0,
      balance: { points: 10 },
    });
    const far = northOfCart(400);
    const tooFar = await h.run(CHECK_IN, { vendorId, ...far }, otherCustomer);
    expect(tooFar.data?.checkIn).toEqual({ outcome: "TOO_FAR", pointsEarned: 0, balance: null });
  });

  it("refuses a check-in over the hourly limit with RATE_LIMITED and when to retry", async () => {
    await h.stores.vendorPositions.apply({ vendorId, ...CART, recordedAt: new Date() });
    for (let i = 0; i < DEFAULT_CHECK_IN_RULES.limitPerHour; i += 1)
      expect(outcome(await h.run(CHECK_IN, { vendorId, ...CART }, customer))).toBe("allowed");
    const refused = await h.run(CHECK_IN, { vendorId, ...CART }, customer);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(3500);
  });

  const FLAGGED = `query ($after: String) {
    flaggedCheckIns(first: 1, after: $after) {
      totalCount
      edges { cursor node { userId vendorId lat lng fromLat fromLng distanceMeters elapsedSeconds impliedSpeedKmh } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

  it("holds an impossible jump for review, listed page by page to admins only", async () => {
    await h.stores.vendorPositions.apply({ vendorId, ...CART, recordedAt: new Date() });
    const away = northOfCart(100_000);
    for (const viewer of [customer, otherCustomer]) {
      await h.run(CHECK_IN, { vendorId, ...CART }, viewer);
      const jumped = await h.run(CHECK_IN, { vendorId, ...away }, viewer);
      expect(jumped.data?.checkIn).toMatchObject({ outcome: "HELD_FOR_REVIEW", pointsEarned: 0 });
    }
    for (const viewer of [anonymous, customer, owner, partner])
      expect(outcome(await h.run(FLAGGED, {}, viewer)), viewer.userId ?? "anonymous").not.toBe("allowed");
    type Page = {
      totalCount: number;
      edges: { cursor: string; node: Record<string, unknown> }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    const first = data<Page>(await h.run(FLAGGED, {}, admin), "flaggedCheckIns");
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = data<Page>(
      await h.run(FLAGGED, { after: first.pageInfo.endCursor }, admin),
      "flaggedCheckIns",
    );
    expect(second.pageInfo.hasNextPage).toBe(false);
    const nodes = [...first.edges, ...second.edges].map((e) => e.node);
    expect(nodes.map((n) => n.userId).sort()).toEqual(["customer-1", "customer-2"]);
    expect(nodes[0]).toMatchObject({ vendorId, lat: away.lat, fromLat: CART.lat, fromLng: CART.lng });
    expect(nodes[0]?.distanceMeters).toBeGreaterThan(99_000);
    expect(outcome(await h.run(FLAGGED, { after: "not-a-cursor" }, admin))).toBe("BAD_USER_INPUT");
  });

  it("redeems exactly what the balance affords when 20 redemptions race", async () => {
    const coffee = program.rewards[0]?.id as string; // 100 points
    await give("customer-1", 350);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => h.run(REDEEM, { rewardId: coffee }, customer)),
    );
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(3);
    for (const lost of results.filter((r) => r.errors))
      expect(lost.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "rewardId" });
    expect(new Set(won.map((r) => data<{ entry: { id: string } }>(r, "redeemReward").entry.id)).size).toBe(3);
    expect((await h.stores.points.findBalance("customer-1", vendorId))?.points).toBe(50);
    expect(await ledgerSum(h.stores.points, "customer-1", vendorId)).toBe(50);
  });

  it("refuses a redemption the balance does not cover, spending nothing", async () => {
    await give("customer-1", 99);
    const result = await h.run(REDEEM, { rewardId: program.rewards[0]?.id }, customer);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "rewardId" });
    expect((await h.stores.points.findBalance("customer-1", vendorId))?.points).toBe(99);
    expect((await h.stores.points.everythingOf("customer-1")).entries).toHaveLength(1);
    expect(outcome(await h.run(REDEEM, { rewardId: program.rewards[0]?.id }))).toBe("UNAUTHENTICATED");
  });

  it("shows a member's balances with tiers and their ledger, to them and admins only", async () => {
    await give("customer-1", 150, "a");
    await give("customer-1", 100, "b");
    await h.services.loyalty.redeem("customer-1", program.rewards[0]?.id as string);
    await give("customer-2", 5, "c");
    const variables = { id: "customer-1", vendorId };
    const mine = await h.run(MY_LOYALTY, variables, customer);
    expect(mine.errors).toBeUndefined();
    const user = mine.data?.user as {
      loyalty: unknown;
      pointsLedger: {
        totalCount: number;
        edges: unknown[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    expect(user.loyalty).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            points: 150,
            lifetimePoints: 250,
            tier: { name: "SILVER" },
            nextTier: { name: "GOLD", threshold: 500 },
            vendor: { id: vendorId, name: "Taco Cart" },
          },
        },
      ],
    });
    expect(user.pointsLedger.totalCount).toBe(3);
    expect(user.pointsLedger.pageInfo.hasNextPage).toBe(true);
    const rest = await h.run(
      MY_LOYALTY,
      { ...variables, after: user.pointsLedger.pageInfo.endCursor },
      customer,
    );
    const all = [
      ...user.pointsLedger.edges,
      ...data<{ pointsLedger: { edges: unknown[] } }>(rest, "user").pointsLedger.edges,
    ] as { node: { delta: number; reason: string } }[];
    expect(all.map((e) => e.node.delta).sort((a, b) => a - b)).toEqual([-100, 100, 150]);

    expect((await h.run(MY_LOYALTY, variables, admin)).data?.user).toEqual(mine.data?.user);
    for (const viewer of [otherCustomer, owner, anonymous, partner]) {
      const theirs = await h.run(MY_LOYALTY, variables, viewer);
      expect(theirs.errors).toBeUndefined();
      expect(theirs.data?.user).toEqual({ loyalty: null, pointsLedger: null });
    }
    const badCursor = await h.run(MY_LOYALTY, { ...variables, after: "garbage" }, customer);
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it.each<[string, Viewer, string]>([
    ["a customer", customer, "FORBIDDEN"],
    ["another vendor's owner", otherOwner, "FORBIDDEN"],
    ["its owner", owner, "allowed"],
    ["an admin", admin, "allowed"],
  ])("adjustLoyaltyPoints by %s: %s", async (_who, viewer, expected) => {
    const result = await h.run(
      `mutation ($input: AdjustLoyaltyPointsInput!) { adjustLoyaltyPoints(input: $input) { balance { points } } }`,
      { input: { userId: "customer-1", vendorId, delta: 40, reference: "sorry" } },
      viewer,
    );
    expect(outcome(result)).toBe(expected);
    expect((await h.stores.points.findBalance("customer-1", vendorId))?.points).toBe(
      expected === "allowed" ? 40 : undefined,
    );
  });
});
