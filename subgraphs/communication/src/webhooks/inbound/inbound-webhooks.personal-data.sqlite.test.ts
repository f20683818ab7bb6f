import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InternalIdentity } from "@venta/auth";
import { type OutboxRelay, SqliteEventBus, startOutboxRelay } from "@venta/events";
import { type RunningServer, startSubgraphServer } from "@venta/kit";
import { testLogger } from "@venta/testing";
import Database from "better-sqlite3";
import Stripe from "stripe";
import { Webhook } from "svix";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handledBy } from "../../bus.harness.js";
import { communicationEnv } from "../../config.js";
import { ACCOUNT_DELETIONS_CONSUMER, followAccountDeletions } from "../../contacts/account-deletions.js";
import type { CommunicationServices } from "../../module.js";
import { buildCommunicationSchema } from "../../schema.js";
import { communicationContext, communicationServices } from "../../services.js";
import { type OpenCommunicationStores, openSqlite } from "../../stores.js";
import { partnerKeysRegister } from "../outbound/partner-keys.harness.js";
import { startWebhookWorkers, type WebhookWorkers, webhookRoutes } from "../webhooks.js";

const CLERK_SECRET = `whsec_${Buffer.from("venta-test-clerk-signing-secret!").toString("base64")}`;
const STRIPE_SECRET = "whsec_test_stripe_endpoint_secret";
const REVENUECAT_AUTH = "Bearer rc-shared-secret-for-tests";

/** Zelda's id and what Clerk tells Venta about her: none of it may survive her account's deletion. */
const ZELDA = "user_zelda";
const SECRETS = { email: "zebrafish.z@example.com", phone: "+15125550199" };

const clerkUser = (id: string, email: string, phone: string) =>
  JSON.stringify({
    object: "event",
    type: "user.created",
    data: {
      id,
      object: "user",
      primary_email_address_id: "idn_email",
      email_addresses: [{ id: "idn_email", email_address: email }],
      primary_phone_number_id: "idn_phone",
      phone_numbers: [{ id: "idn_phone", phone_number: phone }],
    },
  });

const payment = (eventId: string, userId: string) =>
  JSON.stringify({
    id: eventId,
    object: "event",
    type: "payment_intent.succeeded",
    created: 1_780_000_000,
    data: {
      object: {
        id: `pi_${eventId}`,
        object: "payment_intent",
        amount: 1250,
        currency: "usd",
        metadata: { userId, vendorId: "vendor-1" },
      },
    },
  });

const plan = (eventId: string, appUserId: string) =>
  JSON.stringify({
    event: {
      id: eventId,
      type: "INITIAL_PURCHASE",
      app_user_id: appUserId,
      original_app_user_id: appUserId,
      product_id: "venta_pro_monthly",
      event_timestamp_ms: 1_780_000_001_000,
      environment: "PRODUCTION",
    },
  });

const svix = new Webhook(CLERK_SECRET);
const clerkHeaders = (body: string, id: string) => {
  const timestamp = new Date();
  return {
    "svix-id": id,
    "svix-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "svix-signature": svix.sign(id, timestamp, body),
  };
};
const stripeHeaders = (payload: string) => ({
  "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET }),
});

/**
 * Erasure checked in the SQLite file itself, read with a separate connection: the provider events
 * received about a person keep nothing of them once their account is deleted.
 */
describe("account deletion and stored inbound webhook events", () => {
  let dir: string;
  let stores: OpenCommunicationStores;
  let services: CommunicationServices;
  let bus: SqliteEventBus;
  let relay: OutboxRelay;
  let workers: WebhookWorkers;
  let server: RunningServer;
  let raw: Database.Database;

  const post = async (path: string, body: string, headers: Record<string, string>) => {
    const response = await fetch(`${server.url.replace(/\/graphql$/, "")}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const zeldaCreated = clerkUser(ZELDA, SECRETS.email, SECRETS.phone);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "venta-inbound-gdpr-"));
    stores = openSqlite(dir);
    bus = new SqliteEventBus(":memory:", testLogger);
    const config = communicationEnv.parse({
      DATA_DIR: dir,
      CLERK_WEBHOOK_SECRET: CLERK_SECRET,
      STRIPE_WEBHOOK_SECRET: STRIPE_SECRET,
      REVENUECAT_WEBHOOK_AUTH: REVENUECAT_AUTH,
      WEBHOOK_POLL_MS: "20",
    });
    services = communicationServices(stores, bus, config, testLogger);
    relay = startOutboxRelay({ outbox: stores.outbox, bus, log: testLogger, pollMs: 20 });
    workers = startWebhookWorkers({
      webhooks: services.webhooks,
      partnerKeys: partnerKeysRegister().status,
      contacts: services.contacts,
      bus,
      config,
      log: testLogger,
    });
    server = await startSubgraphServer({
      name: "communication",
      host: "127.0.0.1",
      port: 0,
      log: testLogger,
      schema: await buildCommunicationSchema(),
      identity: new InternalIdentity(new TextEncoder().encode("a-test-secret-that-only-this-test-holds")),
      createContext: communicationContext(services),
      healthChecks: {},
      routes: webhookRoutes(services.webhooks, config, testLogger),
    });

    const accepted = [
      await post("/webhooks/clerk", zeldaCreated, clerkHeaders(zeldaCreated, "msg_1")),
      await post(
        "/webhooks/clerk",
        clerkUser("user_bob", "bob@example.com", "+15125550100"),
        clerkHeaders(clerkUser("user_bob", "bob@example.com", "+15125550100"), "msg_2"),
      ),
      await post("/webhooks/stripe", payment("evt_1", ZELDA), stripeHeaders(payment("evt_1", ZELDA))),
      await post(
        "/webhooks/stripe",
        payment("evt_2", "user_bob"),
        stripeHeaders(payment("evt_2", "user_bob")),
      ),
      await post("/webhooks/revenuecat", plan("rc-1", ZELDA), { authorization: REVENUECAT_AUTH }),
    ];
    expect(accepted.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    await expect
      .poll(async () => (await stores.inboundWebhooks.list({ first: 10 })).records.map((e) => e.status))
      .toEqual(["PROCESSED", "PROCESSED", "PROCESSED", "PROCESSED", "PROCESSED"]);
    await relay.flush();
    raw = new Database(join(dir, "communication.db"), { readonly: true });
  });

  afterEach(async () => {
    raw.close();
    await server.stop();
    await workers.stop();
    await relay.stop();
    await services.delivery.queue.close();
    await bus.close();
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every text value in every table that names Zelda or quotes what she told Venta. */
  function leaks(): { table: string; column: string }[] {
    const found: { table: string; column: string }[] = [];
    const tables = raw
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    // The record that the account was deleted keeps its id, and only its id: it refuses later writes.
    for (const { name } of tables.filter((table) => table.name !== "erased_people"))
      for (const row of raw.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[])
        for (const [column, value] of Object.entries(row))
          if (
            typeof value === "string" &&
            (value.toLowerCase().includes("zelda") || Object.values(SECRETS).some((s) => value.includes(s)))
          )
            found.push({ table: name, column });
    return found;
  }

  it("leaves nothing of the person in any stored event; a replay afterwards changes nothing", async () => {
    expect(leaks()).toEqual(
      expect.arrayContaining([
        { table: "inbound_webhook_events", column: "body" },
        { table: "inbound_webhook_events", column: "subject_user_id" },
        { table: "contacts", column: "email" },
      ]),
    );

    followAccountDeletions(bus, services.contacts, testLogger);
    await bus.publish("marketplace.user_deleted", { userId: ZELDA, at: new Date().toISOString() });
    await handledBy(bus, [ACCOUNT_DELETIONS_CONSUMER]);
    await relay.flush();

    expect(leaks()).toEqual([]);
    // What recognises her events stays; Bob's events are untouched.
    for (const id of ["clerk:msg_1", "stripe:evt_1", "revenuecat:rc-1"])
      expect(await stores.inboundWebhooks.findById(id)).toMatchObject({ status: "PROCESSED", body: null });
    expect(await stores.inboundWebhooks.findById("stripe:evt_2")).toMatchObject({
      subjectUserId: "user_bob",
      body: payment("evt_2", "user_bob"),
    });

    // Clerk redelivers her sign-up: recognised as a replay, stored and processed no more.
    expect(await post("/webhooks/clerk", zeldaCreated, clerkHeaders(zeldaCreated, "msg_1"))).toEqual({
      status: 200,
      body: { received: true, replay: true },
    });
    expect(await stores.inboundWebhooks.findById("clerk:msg_1")).toMatchObject({
      status: "PROCESSED",
      body: null,
      subjectUserId: null,
    });
    expect(await stores.contacts.find(ZELDA)).toBeNull();
    expect(leaks()).toEqual([]);
  });
});
