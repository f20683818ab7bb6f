import { anonymous, partnerViewer, personViewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { communicationHarness } from "../communication.harness.js";

type Harness = Awaited<ReturnType<typeof communicationHarness>>;

const dana = personViewer("dana", ["CUSTOMER"]);
const partner = partnerViewer({ keyId: "key-1", name: "Eat Map", scopes: ["READ"] });

const outcome = (result: { errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

const SETTINGS = `{ locale timeZone quietHours { start end } topics { topic push email sms } }`;
const READ = `query { myNotificationSettings ${SETTINGS} }`;
const UPDATE = `mutation ($input: UpdateNotificationSettingsInput!) { updateMyNotificationSettings(input: $input) ${SETTINGS} }`;

describe("notification settings resolvers", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await communicationHarness();
  });
  afterEach(() => h.close());

  it("shows sensible defaults, with the account's language and time zone", async () => {
    await h.services.contacts.upsertFromIdentity({
      userId: "dana",
      locale: "es-MX",
      timeZone: "America/Chicago",
    });
    const result = await h.run(READ, {}, dana);
    expect(result.data?.myNotificationSettings).toEqual({
      locale: "es-MX",
      timeZone: "America/Chicago",
      quietHours: null,
      topics: [
        { topic: "VENDOR_NEARBY", push: true, email: true, sms: false },
        { topic: "CHAT_MESSAGE", push: true, email: false, sms: false },
        { topic: "SUPPORT_UPDATE", push: true, email: true, sms: false },
        { topic: "PROMOTION", push: false, email: false, sms: false },
        { topic: "ACCOUNT", push: true, email: true, sms: false },
      ],
    });
    expect(
      (await h.run(READ, {}, personViewer("new", ["CUSTOMER"]))).data?.myNotificationSettings,
    ).toMatchObject({
      locale: "en",
      timeZone: "UTC",
    });
  });

  it("changes only what is given; null goes back to the account's", async () => {
    await h.services.contacts.upsertFromIdentity({ userId: "dana", locale: "en-US" });
    await h.run(
      UPDATE,
      {
        input: {
          locale: "es",
          timeZone: "europe/madrid",
          quietHours: { start: "22:30", end: "07:00" },
          topics: [{ topic: "VENDOR_NEARBY", sms: true }],
        },
      },
      dana,
    );
    const result = await h.run(
      UPDATE,
      { input: { locale: null, topics: [{ topic: "PROMOTION", email: true }] } },
      dana,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateMyNotificationSettings).toMatchObject({
      locale: "en-US",
      timeZone: "Europe/Madrid",
      quietHours: { start: "22:30", end: "07:00" },
      topics: expect.arrayContaining([
        { topic: "VENDOR_NEARBY", push: true, email: true, sms: true },
        { topic: "PROMOTION", push: false, email: true, sms: false },
      ]),
    });
    const cleared = await h.run(UPDATE, { input: { quietHours: null } }, dana);
    expect(cleared.data?.updateMyNotificationSettings).toMatchObject({
      quietHours: null,
      timeZone: "Europe/Madrid",
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ["locale", { locale: "english", topics: [{ topic: "CHAT_MESSAGE", sms: true }] }],
    ["timeZone", { timeZone: "Moon/Base", topics: [{ topic: "CHAT_MESSAGE", sms: true }] }],
    ["quietHours.start", { quietHours: { start: "25:00", end: "07:00" } }],
    ["quietHours", { quietHours: { start: "07:00", end: "07:00" } }],
    [
      "topics",
      {
        topics: [
          { topic: "CHAT_MESSAGE", sms: true },
          { topic: "CHAT_MESSAGE", sms: false },
        ],
      },
    ],
  ])("refuses a bad %s with BAD_USER_INPUT and changes nothing", async (field, input) => {
    const before = await h.run(READ, {}, dana);
    const result = await h.run(UPDATE, { input }, dana);
    expect(outcome(result)).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(await h.run(READ, {}, dana)).toEqual(before);
  });

  it("is for signed-in people only", async () => {
    expect(outcome(await h.run(READ, {}, anonymous))).toBe("UNAUTHENTICATED");
    expect(outcome(await h.run(READ, {}, partner))).toBe("FORBIDDEN");
    expect(outcome(await h.run(UPDATE, { input: { locale: "es" } }, partner))).toBe("FORBIDDEN");
  });
});
