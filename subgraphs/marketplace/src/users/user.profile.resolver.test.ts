import { anonymous, partnerViewer, personViewer, type Viewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

const UPDATE = `mutation ($input: UpdateMyProfileInput!) {
  updateMyProfile(input: $input) { id displayName bio avatarUrl locale timeZone
    preferences { favoriteCuisines dietaryTags notifications { category push email sms } } }
}`;
const PROFILE = `query ($id: ID!) { user(id: $id) { displayName bio avatarUrl deleted locale timeZone
  preferences { favoriteCuisines dietaryTags notifications { category push email sms } } } }`;

const dana = personViewer("dana", ["CUSTOMER"]);
const eli = personViewer("eli", ["CUSTOMER", "VENDOR"]);
const admin = personViewer("admin-1", ["ADMIN"]);
const partner = partnerViewer({ keyId: "key-1", name: "Eat Map", scopes: ["READ"] });

const outcome = (result: { errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

const FULL = {
  displayName: "  Dana   D. ",
  bio: "Chasing the best birria in Austin.",
  avatarUrl: "https://img.example.com/dana.png",
  locale: "es-mx",
  timeZone: "America/Chicago",
  preferences: {
    favoriteCuisines: ["Tacos", "BBQ", "tacos"],
    dietaryTags: ["HALAL"],
    notifications: [{ category: "PROMOTIONS", push: true, email: true, sms: false }],
  },
};

describe("profiles and preferences", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await marketplaceHarness();
    await h.services.users.register("Dana", { id: "dana" });
    await h.services.users.register("Eli", { id: "eli" });
  });
  afterEach(() => h.close());

  it("updates the caller's own profile, normalised, with default notifications filled in", async () => {
    const result = await h.run(UPDATE, { input: FULL }, dana);
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateMyProfile).toEqual({
      id: "dana",
      displayName: "Dana D.",
      bio: "Chasing the best birria in Austin.",
      avatarUrl: "https://img.example.com/dana.png",
      locale: "es-MX",
      timeZone: "America/Chicago",
      preferences: {
        favoriteCuisines: ["tacos", "bbq"],
        dietaryTags: ["HALAL"],
        notifications: [
          { category: "FAVORITE_NEARBY", push: true, email: false, sms: false },
          { category: "PROMOTIONS", push: true, email: true, sms: false },
          { category: "MESSAGES", push: true, email: true, sms: false },
          { category: "LOYALTY", push: true, email: false, sms: false },
        ],
      },
    });
  });

  it("changes only what is given; null clears", async () => {
    await h.run(UPDATE, { input: FULL }, dana);
    const result = await h.run(
      UPDATE,
      {
        input: {
          bio: null,
          preferences: { notifications: [{ category: "LOYALTY", push: false, email: false, sms: true }] },
        },
      },
      dana,
    );
    const user = result.data?.updateMyProfile as Record<string, unknown> & {
      preferences: { notifications: { category: string }[]; favoriteCuisines: string[] };
    };
    expect(user).toMatchObject({
      displayName: "Dana D.",
      bio: null,
      locale: "es-MX",
      timeZone: "America/Chicago",
    });
    expect(user.preferences.favoriteCuisines).toEqual(["tacos", "bbq"]);
    expect(
      user.preferences.notifications.filter((n) => ["PROMOTIONS", "LOYALTY"].includes(n.category)),
    ).toEqual([
      { category: "PROMOTIONS", push: true, email: true, sms: false },
      { category: "LOYALTY", push: false, email: false, sms: true },
    ]);
  });

  it.each<[string, Record<string, unknown>]>([
    ["bio", { bio: "x".repeat(281) }],
    ["avatarUrl", { avatarUrl: "http://img.example.com/a.png" }],
    ["locale", { locale: "en_US" }],
    ["timeZone", { timeZone: "Moon/Tranquility" }],
    ["displayName", { displayName: "   " }],
    [
      "favoriteCuisines",
      { preferences: { favoriteCuisines: Array.from({ length: 21 }, (_, i) => `c${i}`) } },
    ],
    [
      "notifications",
      {
        preferences: {
          notifications: [
            { category: "MESSAGES", push: true, email: true, sms: true },
            { category: "MESSAGES", push: false, email: false, sms: false },
          ],
        },
      },
    ],
  ])("refuses a bad %s with BAD_USER_INPUT and changes nothing", async (field, bad) => {
    await h.run(UPDATE, { input: FULL }, dana);
    const before = await h.run(PROFILE, { id: "dana" }, dana);
    // The good fields next to the bad one are not written either.
    const result = await h.run(UPDATE, { input: { displayName: "Changed", bio: "Changed", ...bad } }, dana);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect((await h.run(PROFILE, { id: "dana" }, dana)).data).toEqual(before.data);
  });

  it("announces notification switches written here, for communication to apply, and nothing else", async () => {
    const announced: unknown[] = [];
    h.bus.consume("test.notification-switches", ["marketplace.notification_preferences_changed"], (event) => {
      announced.push(event.payload);
    });
    const on = { push: true, email: true, sms: false };
    expect((await h.run(UPDATE, { input: { bio: "No switches" } }, dana)).errors).toBeUndefined();
    const changed = await h.run(
      UPDATE,
      {
        input: {
          preferences: {
            notifications: [
              { category: "MESSAGES", push: false, email: true, sms: false },
              { category: "LOYALTY", ...on },
            ],
          },
        },
      },
      dana,
    );
    expect(changed.errors).toBeUndefined();
    // Refused changes write, and announce, nothing.
    const twice = [
      { category: "PROMOTIONS", ...on },
      { category: "PROMOTIONS", ...on },
    ];
    expect(
      (await h.run(UPDATE, { input: { preferences: { notifications: twice } } }, dana)).errors,
    ).toHaveLength(1);
    const ghost = personViewer("ghost", ["CUSTOMER"]);
    const unknown = await h.run(UPDATE, { input: { preferences: { notifications: [twice[0]] } } }, ghost);
    expect(unknown.errors).toHaveLength(1);

    await h.relay.flush();
    await expect
      .poll(async () => (await h.bus.stats()).find((s) => s.consumer === "test.notification-switches")?.lag)
      .toBe(0);
    expect(announced).toEqual([
      {
        userId: "dana",
        preferences: [
          { category: "MESSAGES", push: false, email: true, sms: false },
          { category: "LOYALTY", ...on },
        ],
        at: expect.any(String),
      },
    ]);
  });

  it("marks the notification switches deprecated, pointing at the ones sending applies", async () => {
    const result = await h.run(`{
      output: __type(name: "UserPreferences") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } }
      input: __type(name: "PreferencesInput") { inputFields(includeDeprecated: true) { name isDeprecated deprecationReason } }
    }`);
    expect(result.errors).toBeUndefined();
    const reason =
      "Use myNotificationSettings / updateMyNotificationSettings: those are the switches applied when sending.";
    const data = result.data as {
      output: { fields: { name: string }[] };
      input: { inputFields: { name: string }[] };
    };
    for (const field of [...data.output.fields, ...data.input.inputFields])
      expect(field).toEqual(
        field.name === "notifications"
          ? { name: "notifications", isDeprecated: true, deprecationReason: reason }
          : { name: field.name, isDeprecated: false, deprecationReason: null },
      );
    expect(data.output.fields.map((f) => f.name)).toContain("notifications");
    expect(data.input.inputFields.map((f) => f.name)).toContain("notifications");
  });

  it("refuses a change that changes nothing", async () => {
    const result = await h.run(UPDATE, { input: { preferences: {} } }, dana);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input" });
    expect(await h.stores.users.findProfiles(["dana"])).toEqual([]);
  });

  it("needs a signed-in person with an account", async () => {
    expect(outcome(await h.run(UPDATE, { input: { bio: "hi" } }))).toBe("UNAUTHENTICATED");
    expect(outcome(await h.run(UPDATE, { input: { bio: "hi" } }, partner))).toBe("FORBIDDEN");
    expect(outcome(await h.run(UPDATE, { input: { bio: "hi" } }, personViewer("ghost", ["CUSTOMER"])))).toBe(
      "NOT_FOUND",
    );
    expect(await h.stores.users.findProfiles(["ghost"])).toEqual([]);
  });

  it.each<[string, Viewer, boolean]>([
    ["the person", dana, true],
    ["an admin", admin, true],
    ["another person", eli, false],
    ["anonymous", anonymous, false],
    ["a partner key", partner, false],
  ])("shows private fields to %s: %s", async (_who, viewer, sees) => {
    await h.run(UPDATE, { input: FULL }, dana);
    const result = await h.run(PROFILE, { id: "dana" }, viewer);
    expect(result.errors).toBeUndefined();
    const user = result.data?.user as Record<string, unknown>;
    // Public either way.
    expect(user).toMatchObject({
      displayName: "Dana D.",
      bio: FULL.bio,
      avatarUrl: FULL.avatarUrl,
      deleted: false,
    });
    if (sees) expect(user).toMatchObject({ locale: "es-MX", timeZone: "America/Chicago" });
    else expect(user).toMatchObject({ locale: null, timeZone: null, preferences: null });
  });

  it("reads the profiles of many accounts with one store query", async () => {
    let batches = 0;
    const findProfiles = h.stores.users.findProfiles.bind(h.stores.users);
    h.stores.users.findProfiles = (ids) => {
      batches += 1;
      return findProfiles(ids);
    };
    const result = await h.run(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { id bio deleted } } }`,
      { representations: ["dana", "eli", "nobody"].map((id) => ({ __typename: "User", id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(batches).toBe(1);
  });
});
