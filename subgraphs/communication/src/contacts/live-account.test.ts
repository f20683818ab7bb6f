import { personViewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { communicationHarness, tacoCart } from "../communication.harness.js";

type Harness = Awaited<ReturnType<typeof communicationHarness>>;

const zed = personViewer("zed", ["CUSTOMER"]);
const amy = personViewer("amy", ["CUSTOMER"]);

const UPDATE_DETAILS = `mutation ($input: UpdateContactDetailsInput!) { updateMyContactDetails(input: $input) { email } }`;
const REGISTER = `mutation ($input: RegisterPushDeviceInput!) { registerPushDevice(input: $input) { token } }`;
const OPEN_TICKET = `mutation ($input: OpenSupportTicketInput!) { openSupportTicket(input: $input) { id } }`;
const START = `mutation ($vendorId: ID!) { startConversation(vendorId: $vendorId) { id } }`;
const DETAILS = `query { myContactDetails { email } }`;
const CONVERSATIONS = `query { myConversations(first: 10) { edges { node { id } } } }`;
const TICKETS = `query { mySupportTickets(first: 10) { edges { node { id } } } }`;
const NOTIFICATIONS = `query { myNotifications(first: 10) { edges { node { id } } } }`;
const SETTINGS = `query { myNotificationSettings { quietHours { start } } }`;

describe("a deleted person in communication", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await communicationHarness();
    await h.stores.chatVendors.apply(tacoCart);
  });
  afterEach(() => h.close());

  it("is refused with CONFLICT on every write and personal read once erased, and nothing new is stored", async () => {
    const ticket = { input: { subject: "Missing points", body: "I checked in but got no points." } };
    expect((await h.run(START, { vendorId: "cart-1" }, zed)).errors).toBeUndefined();
    expect((await h.run(OPEN_TICKET, ticket, zed)).errors).toBeUndefined();
    await h.services.contacts.eraseUser("zed");

    const attempts = {
      updateMyContactDetails: await h.run(
        UPDATE_DETAILS,
        { input: { email: "zed@example.com", phone: "+15125550100" } },
        zed,
      ),
      registerPushDevice: await h.run(
        REGISTER,
        { input: { token: "device-token-number-01", platform: "IOS" } },
        zed,
      ),
      openSupportTicket: await h.run(OPEN_TICKET, ticket, zed),
      startConversation: await h.run(START, { vendorId: "cart-1" }, zed),
      myContactDetails: await h.run(DETAILS, {}, zed),
      myConversations: await h.run(CONVERSATIONS, {}, zed),
      mySupportTickets: await h.run(TICKETS, {}, zed),
      myNotifications: await h.run(NOTIFICATIONS, {}, zed),
      myNotificationSettings: await h.run(SETTINGS, {}, zed),
    };
    for (const [operation, result] of Object.entries(attempts))
      expect(result.errors?.[0], operation).toMatchObject({
        message: "this account was deleted",
        extensions: { code: "CONFLICT" },
      });

    expect(await h.stores.contacts.find("zed")).toBeNull();
    expect(await h.stores.contacts.devicesOf("zed")).toEqual([]);
    expect(await h.stores.tickets.count({ requesterId: "zed" })).toBe(0);
    expect(await h.stores.conversations.count({ customerId: "zed", vendorIds: [] })).toBe(0);
    // Nobody else is refused.
    expect((await h.run(START, { vendorId: "cart-1" }, amy)).errors).toBeUndefined();
  });

  it("undoes a write the erasure landed in the middle of, and refuses it", async () => {
    // The erasure runs after the write was let in, and before the write is stored.
    const start = h.services.chat.start.bind(h.services.chat);
    h.services.chat.start = async (viewer, vendorId) => {
      await h.services.contacts.eraseUser("zed");
      return start(viewer, vendorId);
    };
    const result = await h.run(START, { vendorId: "cart-1" }, zed);
    expect(result.errors?.[0]).toMatchObject({
      message: "this account was deleted",
      extensions: { code: "CONFLICT" },
    });
    expect(await h.stores.conversations.count({ customerId: "zed", vendorIds: [] })).toBe(0);
  });

  it("stores nothing the identity provider sends about an erased person later", async () => {
    await h.services.contacts.eraseUser("zed");
    expect(
      await h.services.contacts.upsertFromIdentity({ userId: "zed", email: "zed@example.com" }),
    ).toBeNull();
    expect(await h.stores.contacts.find("zed")).toBeNull();
  });
});
