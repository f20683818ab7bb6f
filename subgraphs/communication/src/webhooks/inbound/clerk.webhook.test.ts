import { randomUUID } from "node:crypto";
import { Webhook } from "svix";
import { afterEach, describe, expect, it } from "vitest";
import { type WebhooksHarness, webhooksHarness } from "../webhooks.harness.js";
import type { IdentityContacts } from "./clerk.webhook.js";

// A Svix secret is `whsec_` and base64 of random bytes; Clerk shows one per endpoint.
const SECRET = `whsec_${Buffer.from("venta-test-clerk-signing-secret!").toString("base64")}`;
const svix = new Webhook(SECRET);

const userEvent = (type: string, data: Record<string, unknown>) =>
  JSON.stringify({ object: "event", type, data });
const user = (id: string, email: string, phone?: string) => ({
  id,
  object: "user",
  primary_email_address_id: "idn_email",
  email_addresses: [
    { id: "idn_other", email_address: "old@example.com" },
    { id: "idn_email", email_address: email },
  ],
  primary_phone_number_id: phone ? "idn_phone" : null,
  phone_numbers: phone ? [{ id: "idn_phone", phone_number: phone }] : [],
  locale: "es-MX",
});

const signed = (body: string, id = `msg_${randomUUID()}`, secretWebhook = svix) => {
  const timestamp = new Date();
  return {
    "svix-id": id,
    "svix-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "svix-signature": secretWebhook.sign(id, timestamp, body),
  };
};

/** The subgraph's contacts, failing its first `failures` writes as a database outage would. */
const failingFirst =
  (failures: number) =>
  (real: IdentityContacts): IdentityContacts => {
    let left = failures;
    return {
      upsertFromIdentity: async (input) => {
        if (left > 0) {
          left -= 1;
          throw new Error("contacts database unavailable");
        }
        return real.upsertFromIdentity(input);
      },
      eraseUser: (userId) => real.eraseUser(userId),
    };
  };

describe("POST /webhooks/clerk", () => {
  let h: WebhooksHarness;
  afterEach(() => h.close());

  it("keeps contact details in step with Clerk, once per event, and erases a deleted person", async () => {
    h = await webhooksHarness({ env: { CLERK_WEBHOOK_SECRET: SECRET } });
    const created = userEvent("user.created", user("user_1", "Casey@Example.com", "+15125550100"));
    const headers = signed(created, "msg_created");
    expect(await h.post("/webhooks/clerk", created, headers)).toEqual({
      status: 200,
      body: { received: true, replay: false },
    });
    await expect
      .poll(() => h.services.contacts.contactOf("user_1"))
      .toMatchObject({
        email: "casey@example.com",
        phone: "+15125550100",
        locale: "es-MX",
      });
    expect(await h.post("/webhooks/clerk", created, headers)).toEqual({
      status: 200,
      body: { received: true, replay: true },
    });

    const updated = userEvent("user.updated", user("user_1", "casey@new.example"));
    expect((await h.post("/webhooks/clerk", updated, signed(updated))).status).toBe(200);
    await expect
      .poll(() => h.services.contacts.contactOf("user_1"))
      .toMatchObject({ email: "casey@new.example", phone: null });

    const deleted = userEvent("user.deleted", { id: "user_1", object: "user", deleted: true });
    expect((await h.post("/webhooks/clerk", deleted, signed(deleted))).status).toBe(200);
    await expect.poll(() => h.services.contacts.contactOf("user_1")).toBeNull();
    expect((await h.stores.inboundWebhooks.list({ first: 10, status: "PROCESSED" })).totalCount).toBe(3);
  });

  it("refuses a forged, tampered or unsigned event with 400, writing nothing", async () => {
    h = await webhooksHarness({ env: { CLERK_WEBHOOK_SECRET: SECRET } });
    const body = userEvent("user.created", user("user_2", "dana@example.com"));
    const forger = new Webhook(`whsec_${Buffer.from("someone-else-entirely-0123456789").toString("base64")}`);
    expect((await h.post("/webhooks/clerk", body, signed(body, "msg_a", forger))).status).toBe(400);
    expect(
      (await h.post("/webhooks/clerk", body.replace("dana", "mallory"), signed(body, "msg_b"))).status,
    ).toBe(400);
    expect((await h.post("/webhooks/clerk", body)).status).toBe(400);
    expect((await h.stores.inboundWebhooks.list({ first: 10 })).totalCount).toBe(0);
    expect(await h.services.contacts.contactOf("user_2")).toBeNull();
  });

  it("retries a failed processing with backoff until it succeeds", async () => {
    h = await webhooksHarness({ env: { CLERK_WEBHOOK_SECRET: SECRET }, contacts: failingFirst(2) });
    const body = userEvent("user.created", user("user_3", "erin@example.com"));
    expect((await h.post("/webhooks/clerk", body, signed(body, "msg_retry"))).status).toBe(200);
    await expect
      .poll(async () => (await h.stores.inboundWebhooks.findById("clerk:msg_retry"))?.status)
      .toBe("PROCESSED");
    expect(await h.stores.inboundWebhooks.findById("clerk:msg_retry")).toMatchObject({
      attempts: 3,
      lastError: null,
    });
    expect(await h.services.contacts.contactOf("user_3")).toMatchObject({ email: "erin@example.com" });
  });

  it("gives up after its attempts, and an admin's retry processes it once the cause is gone", async () => {
    h = await webhooksHarness({
      env: { CLERK_WEBHOOK_SECRET: SECRET, WEBHOOK_INBOUND_MAX_ATTEMPTS: "3" },
      contacts: failingFirst(3),
    });
    const body = userEvent("user.created", user("user_4", "finn@example.com"));
    expect((await h.post("/webhooks/clerk", body, signed(body, "msg_fail"))).status).toBe(200);
    await expect
      .poll(async () => (await h.stores.inboundWebhooks.findById("clerk:msg_fail"))?.status)
      .toBe("FAILED");
    expect(await h.stores.inboundWebhooks.findById("clerk:msg_fail")).toMatchObject({
      attempts: 3,
      lastError: "contacts database unavailable",
    });
    await h.services.webhooks.inbound.retry("clerk:msg_fail");
    await expect
      .poll(async () => (await h.stores.inboundWebhooks.findById("clerk:msg_fail"))?.status)
      .toBe("PROCESSED");
    expect(await h.services.contacts.contactOf("user_4")).toMatchObject({ email: "finn@example.com" });
  });

  it("fails at once, without retrying, on details the contacts service refuses", async () => {
    h = await webhooksHarness({ env: { CLERK_WEBHOOK_SECRET: SECRET } });
    const body = userEvent("user.created", user("user_5", "not an address"));
    expect((await h.post("/webhooks/clerk", body, signed(body, "msg_bad"))).status).toBe(200);
    await expect
      .poll(async () => (await h.stores.inboundWebhooks.findById("clerk:msg_bad"))?.status)
      .toBe("FAILED");
    expect((await h.stores.inboundWebhooks.findById("clerk:msg_bad"))?.attempts).toBe(1);
  });
});
