import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DomainEvent, SqliteEventBus, startOutboxRelay } from "@venta/events";
import { testLogger } from "@venta/testing";
import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite } from "../stores.js";
import { startInboundProcessing } from "./inbound/inbound-processing.js";
import { InboundWebhooksService } from "./inbound/inbound-webhooks.service.js";
import { stripeHandler, stripeVerifier } from "./inbound/stripe.webhook.js";
import { partnerKeysRegister } from "./outbound/partner-keys.harness.js";
import { startWebhookDispatch } from "./outbound/webhook-dispatch.js";
import { startReceiver } from "./outbound/webhook-receiver.harness.js";
import { systemResolveHost } from "./outbound/webhook-url.js";

const SECRET = "whsec_restart_test";
const fast = { baseMs: 20, factor: 2, maxMs: 1_000, jitter: 0.2 };

describe("webhook work survives a restart", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "venta-webhooks-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("processes, after a restart, an event received by a process that stopped before processing it", async () => {
    const payload = JSON.stringify({
      id: "evt_restart",
      type: "payment_intent.succeeded",
      created: 1_780_000_000,
      data: {
        object: { id: "pi_r", amount: 700, currency: "usd", metadata: { userId: "casey", vendorId: "v1" } },
      },
    });
    const verified = stripeVerifier(SECRET)(Buffer.from(payload), {
      "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
    });
    const before = openSqlite(dataDir);
    await new InboundWebhooksService(before.inboundWebhooks).receive(
      "STRIPE",
      verified,
      Buffer.from(payload),
    );
    await before.close();

    const after = openSqlite(dataDir);
    const bus = new SqliteEventBus(":memory:", testLogger);
    const purchases: DomainEvent[] = [];
    bus.consume("test", ["payment.purchase_completed"], (event) => {
      purchases.push(event);
    });
    const relay = startOutboxRelay({ outbox: after.outbox, bus, log: testLogger, pollMs: 20 });
    const processing = startInboundProcessing({
      store: after.inboundWebhooks,
      inbound: new InboundWebhooksService(after.inboundWebhooks),
      handlers: {
        STRIPE: stripeHandler(),
        CLERK: async () => ({ status: "IGNORED", reason: "not under test" }),
        REVENUECAT: async () => ({ status: "IGNORED", reason: "not under test" }),
      },
      maxAttempts: 3,
      backoff: fast,
      bodyRetentionMs: 7 * 86_400_000,
      pollMs: 20,
      log: testLogger,
    });
    try {
      await expect.poll(() => purchases.length).toBe(1);
      expect(purchases[0]?.payload).toMatchObject({ purchaseId: "pi_r", amountMinor: 700 });
      expect((await after.inboundWebhooks.findById("stripe:evt_restart"))?.status).toBe("PROCESSED");
    } finally {
      await processing.stop();
      await relay.stop();
      await bus.close();
      await after.close();
    }
  });

  it("sends, after a restart, the deliveries that were waiting", async () => {
    const receiver = await startReceiver();
    const before = openSqlite(dataDir);
    const now = new Date();
    await before.webhookSubscriptions.insert({
      id: "sub-1",
      partnerKeyId: "key-1",
      url: receiver.url,
      eventTypes: ["vendor.updated"],
      description: null,
      status: "ACTIVE",
      disabledReason: null,
      disabledAt: null,
      secret: "whsec_x",
      previousSecret: null,
      previousSecretExpiresAt: null,
      consecutiveFailures: 0,
      createdAt: now,
      updatedAt: now,
    });
    await before.webhookDeliveries.enqueue([
      {
        id: "d-1",
        subscriptionId: "sub-1",
        partnerKeyId: "key-1",
        eventId: "evt_1",
        eventType: "vendor.updated",
        body: '{"id":"evt_1"}',
        status: "PENDING",
        attempts: [],
        nextAttemptAt: now,
        failureReason: null,
        createdAt: now,
        deliveredAt: null,
      },
    ]);
    await before.close();

    const after = openSqlite(dataDir);
    const dispatch = startWebhookDispatch({
      subscriptions: after.webhookSubscriptions,
      deliveries: after.webhookDeliveries,
      policy: {
        maxAttempts: 3,
        backoff: fast,
        disableAfter: 5,
        send: {
          timeoutMs: 1_000,
          // The receiver is on this machine.
          endpoints: { requireHttps: false, allowPrivateTargets: true, resolve: systemResolveHost },
        },
      },
      partnerKeys: partnerKeysRegister().status,
      pollMs: 20,
      log: testLogger,
    });
    try {
      await expect.poll(() => receiver.received.length).toBe(1);
      await expect
        .poll(async () => (await after.webhookDeliveries.findById("d-1"))?.status)
        .toBe("SUCCEEDED");
      expect(receiver.received[0]?.headers["venta-event-id"]).toBe("evt_1");
    } finally {
      await dispatch.stop();
      await after.close();
      await receiver.close();
    }
  });
});
