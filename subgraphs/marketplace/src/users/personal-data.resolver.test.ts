import { anonymous, personViewer } from "@venta/auth";
import type { ExecutionResult } from "graphql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  admin,
  customer,
  type Harness,
  loyaltyHarness,
  otherCustomer,
  owner,
} from "../loyalty/loyalty.harness.js";

const DELETE = `mutation ($confirm: Boolean!) { deleteMyAccount(confirm: $confirm) { userId deletedAt } }`;
const EXPORT = `{ myDataExport { generatedAt json } }`;
const ACCOUNT = `query ($id: ID!) { user(id: $id) { displayName deleted bio avatarUrl locale timeZone
  preferences { favoriteCuisines dietaryTags } loyalty { totalCount } } }`;
const PROFILE = {
  bio: "Night-shift nurse, taco hunter.",
  avatarUrl: "https://img.example.com/casey.png",
  locale: "en-US",
  timeZone: "America/Chicago",
  preferences: { favoriteCuisines: ["birria"], dietaryTags: ["NUT_FREE"] },
};

/** The export of a successful `myDataExport` (DateTime values arrive as Date objects in-process). */
const exported = (result: ExecutionResult) =>
  (result.data as { myDataExport: { json: string; generatedAt: Date } }).myDataExport;

const outcome = (result: { errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

describe("account deletion and data export", () => {
  let h: Harness;
  let vendorId: string;
  beforeEach(async () => {
    ({ h, vendorId } = await loyaltyHarness());
    await h.services.users.updateProfile("customer-1", PROFILE);
    await h.services.users.updateProfile("customer-2", { bio: "Chris's secret bio" });
    await h.services.loyalty.adjust("customer-1", vendorId, 120, "welcome");
    await h.services.loyalty.adjust("customer-2", vendorId, 70, "welcome");
  });
  afterEach(() => h.close());

  const account = async (id: string) => (await h.run(ACCOUNT, { id }, admin)).data?.user;

  it("needs a signed-in person and a confirmation, changing nothing otherwise", async () => {
    const before = await account("customer-1");
    expect(outcome(await h.run(DELETE, { confirm: true }))).toBe("UNAUTHENTICATED");
    expect(outcome(await h.run(EXPORT))).toBe("UNAUTHENTICATED");
    const unconfirmed = await h.run(DELETE, { confirm: false }, customer);
    expect(unconfirmed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "confirm" });
    expect(outcome(await h.run(DELETE, { confirm: true }, personViewer("ghost", ["CUSTOMER"])))).toBe(
      "NOT_FOUND",
    );
    expect(await account("customer-1")).toEqual(before);
  });

  it("refuses while the account owns vendors, changing nothing", async () => {
    await h.services.users.updateProfile("owner-1", { bio: "I run a taco cart" });
    const result = await h.run(DELETE, { confirm: true }, owner);
    expect(result.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(result.errors?.[0]?.message).toMatch(/owns 1 vendor/);
    expect(await account("owner-1")).toMatchObject({
      displayName: "Olive Owner",
      deleted: false,
      bio: "I run a taco cart",
    });
  });

  it("erases the caller's personal data and points, leaving everyone else's", async () => {
    const deleted: unknown[] = [];
    h.bus.consume("test", ["marketplace.user_deleted"], (event) => {
      deleted.push(event.payload);
    });
    const result = await h.run(DELETE, { confirm: true }, customer);
    expect(result.errors).toBeUndefined();
    // In-process execution hands DateTime values over as Date objects.
    const payload = result.data?.deleteMyAccount as { userId: string; deletedAt: Date };
    expect(payload.userId).toBe("customer-1");

    expect(await account("customer-1")).toEqual({
      displayName: "Deleted user",
      deleted: true,
      bio: null,
      avatarUrl: null,
      locale: null,
      timeZone: null,
      preferences: { favoriteCuisines: [], dietaryTags: [] },
      loyalty: { totalCount: 0 },
    });
    expect(await h.stores.points.everythingOf("customer-1")).toEqual({ balances: [], entries: [] });
    expect(await account("customer-2")).toMatchObject({
      displayName: "Chris Customer",
      deleted: false,
      bio: "Chris's secret bio",
      loyalty: { totalCount: 1 },
    });
    await expect.poll(() => deleted).toEqual([{ userId: "customer-1", at: payload.deletedAt.toISOString() }]);

    // Deleted is deleted: no new personal data, and deleting again changes nothing.
    const update = await h.run(`mutation { updateMyProfile(input: { bio: "back" }) { bio } }`, {}, customer);
    expect(update.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    await expect(h.services.loyalty.adjust("customer-1", vendorId, 5, "after")).rejects.toMatchObject({
      extensions: { code: "CONFLICT" },
    });
    const again = await h.run(DELETE, { confirm: true }, customer);
    expect(again.data?.deleteMyAccount).toEqual(payload);
  });

  it("exports everything held about the caller and nothing about anyone else", async () => {
    const result = await h.run(EXPORT, {}, customer);
    expect(result.errors).toBeUndefined();
    const { json, generatedAt } = exported(result);
    const data = JSON.parse(json);
    expect(data).toMatchObject({
      userId: "customer-1",
      generatedAt: generatedAt.toISOString(),
      modules: {
        users: {
          account: { id: "customer-1", displayName: "Casey Customer" },
          profile: {
            bio: PROFILE.bio,
            avatarUrl: PROFILE.avatarUrl,
            locale: "en-US",
            timeZone: "America/Chicago",
            preferences: { favoriteCuisines: ["birria"], dietaryTags: ["NUT_FREE"] },
          },
        },
        loyalty: {
          balances: [{ vendorId, points: 120, lifetimePoints: 120 }],
          ledger: [{ vendorId, delta: 120, reason: "ADJUSTMENT" }],
        },
      },
    });
    for (const foreign of ["customer-2", "Chris", "secret bio", "owner-1", "Olive"])
      expect(json).not.toContain(foreign);
    const theirs = JSON.parse(exported(await h.run(EXPORT, {}, otherCustomer)).json);
    expect(theirs.modules.loyalty.balances).toEqual([expect.objectContaining({ points: 70 })]);
    expect(JSON.stringify(theirs)).not.toContain("taco hunter");
  });

  it("exports a deleted account as erased", async () => {
    await h.run(DELETE, { confirm: true }, customer);
    const { json } = exported(await h.run(EXPORT, {}, customer));
    const data = JSON.parse(json);
    expect(data.modules.users.account.displayName).toBe("Deleted user");
    expect(data.modules.users.profile).toMatchObject({
      bio: null,
      avatarUrl: null,
      deletedAt: expect.any(String),
    });
    expect(data.modules.loyalty).toEqual({ balances: [], ledger: [], checkIns: [] });
    expect(json).not.toContain("taco hunter");
  });
});

describe("account deletion by anonymous viewers", () => {
  it("is impossible", async () => {
    const { h } = await loyaltyHarness();
    expect(outcome(await h.run(DELETE, { confirm: true }, anonymous))).toBe("UNAUTHENTICATED");
    await h.close();
  });
});
