import { anonymous, personViewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { communicationHarness } from "../communication.harness.js";
import { MAX_PUSH_DEVICES } from "./contacts.service.js";

type Harness = Awaited<ReturnType<typeof communicationHarness>>;

const dana = personViewer("dana", ["CUSTOMER"]);
const eli = personViewer("eli", ["CUSTOMER"]);

const outcome = (result: { errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

const DETAILS = `{ email phone pushDevices { token platform } }`;
const READ = `query { myContactDetails ${DETAILS} }`;
const UPDATE = `mutation ($input: UpdateContactDetailsInput!) { updateMyContactDetails(input: $input) ${DETAILS} }`;
const REGISTER = `mutation ($input: RegisterPushDeviceInput!) { registerPushDevice(input: $input) { token platform registeredAt } }`;
const UNREGISTER = `mutation ($token: String!) { unregisterPushDevice(token: $token) }`;

describe("contact details resolvers", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await communicationHarness();
  });
  afterEach(() => h.close());

  it("keeps the identity provider's details and the person's own changes", async () => {
    await h.services.contacts.upsertFromIdentity({ userId: "dana", email: "Dana@Example.com" });
    const updated = await h.run(UPDATE, { input: { phone: "+1 (512) 555-0100" } }, dana);
    expect(updated.data?.updateMyContactDetails).toEqual({
      email: "dana@example.com",
      phone: "+15125550100",
      pushDevices: [],
    });
    const cleared = await h.run(UPDATE, { input: { email: "" } }, dana);
    expect(cleared.data?.updateMyContactDetails).toMatchObject({ email: null, phone: "+15125550100" });
  });

  it.each([
    ["email", { email: "not an address" }],
    ["phone", { phone: "555-0100" }],
  ])("refuses a bad %s with BAD_USER_INPUT and changes nothing", async (field, input) => {
    await h.services.contacts.upsertFromIdentity({
      userId: "dana",
      email: "dana@example.com",
      phone: "+15125550100",
    });
    const result = await h.run(UPDATE, { input }, dana);
    expect(outcome(result)).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect((await h.run(READ, {}, dana)).data?.myContactDetails).toMatchObject({
      email: "dana@example.com",
      phone: "+15125550100",
    });
  });

  it("registers devices, moves a token between people, and unregisters only one's own", async () => {
    const token = "fcm-token-of-a-shared-tablet";
    expect(
      (await h.run(REGISTER, { input: { token, platform: "ANDROID" } }, dana)).data?.registerPushDevice,
    ).toMatchObject({
      token,
      platform: "ANDROID",
    });
    // Eli signs in on the same tablet: the token is Eli's now.
    await h.run(REGISTER, { input: { token, platform: "ANDROID" } }, eli);
    expect((await h.run(READ, {}, dana)).data?.myContactDetails).toMatchObject({ pushDevices: [] });
    expect((await h.run(UNREGISTER, { token }, dana)).data?.unregisterPushDevice).toBe(false);
    expect((await h.run(UNREGISTER, { token }, eli)).data?.unregisterPushDevice).toBe(true);
    expect(outcome(await h.run(REGISTER, { input: { token: "x", platform: "IOS" } }, dana))).toBe(
      "BAD_USER_INPUT",
    );
  });

  it(`keeps the ${MAX_PUSH_DEVICES} most recently registered devices`, async () => {
    for (let n = 0; n <= MAX_PUSH_DEVICES; n += 1) {
      await h.run(
        REGISTER,
        { input: { token: `device-token-number-${String(n).padStart(2, "0")}`, platform: "WEB" } },
        dana,
      );
    }
    const details = (await h.run(READ, {}, dana)).data?.myContactDetails as {
      pushDevices: { token: string }[];
    };
    const devices = details.pushDevices;
    expect(devices).toHaveLength(MAX_PUSH_DEVICES);
    expect(devices.map((d) => d.token)).not.toContain("device-token-number-00");
  });

  it("is for signed-in people only", async () => {
    expect(outcome(await h.run(READ, {}, anonymous))).toBe("UNAUTHENTICATED");
    expect(outcome(await h.run(UNREGISTER, { token: "t" }, anonymous))).toBe("UNAUTHENTICATED");
  });
});
