import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type WebhooksHarness, webhooksHarness } from "../webhooks.harness.js";

const SECRET = "whsec_test_stripe_endpoint_secret";

const paymentSucceeded = (id: string, intent: string, metadata: Record<string, string>) =>
  JSON.stringify({
    id,
    object: "event",
    type: "payment_intent.succeeded",
    created: 1_780_000_000,
    data: {
      object: {
        id: intent,
        object: "payment_intent",
        amount: 1250,
        amount_received: 1250,
        currency: "usd",
        metadata,
      },
    },
  });

const signed = (payload: string, timestamp?: number) => ({
  "stripe-signature": Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: SECRET,
    ...(timestamp ? { timestamp } : {}),
  }),
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe("POST /webhooks/stripe", () => {
  let h: WebhooksHarness;
  beforeEach(async () => {
    h = await webhooksHarness({ env: { STRIPE_WEBHOOK_SECRET: SECRET } });
  });
  afterEach(() => h.close());

  it("accepts a signed payment, announces the purchase once, and a replay changes nothing", async () => {
    const purchases = h.seen(["payment.purchase_completed"]);
    const payload = paymentSucceeded("evt_1", "pi_1", { userId: "casey", vendorId: "vendor-1" });
    expect(await h.post("/webhooks/stripe", payload, signed(payload))).toEqual({
      status: 200,
      body: { received: true, replay: false },
    });
    await expect.poll(() => purchases.length).toBe(1);
    expect(purchases[0]?.payload).toEqual({
      purchaseId: "pi_1",
      userId: "casey",
      vendorId: "vendor-1",
      amountMinor: 1250,
      currency: "USD",
      at: new Date(1_780_000_000_000).toISOString(),
    });
    expect(await h.post("/webhooks/stripe", payload, signed(payload))).toEqual({
      status: 200,
      body: { received: true, replay: true },
    });
    await settle();
    expect(purchases).toHaveLength(1);
    expect(await h.stores.inboundWebhooks.findById("stripe:evt_1")).toMatchObject({
      status: "PROCESSED",
      attempts: 1,
      body: payload,
    });
  });

  it("announces a Checkout payment once, whichever of its two events arrives", async () => {
    const purchases = h.seen(["payment.purchase_completed"]);
    const session = JSON.stringify({
      id: "evt_2",
      type: "checkout.session.completed",
      created: 1_780_000_100,
      data: {
        object: {
          id: "cs_1",
          mode: "payment",
          payment_status: "paid",
          payment_intent: "pi_2",
          amount_total: 900,
          currency: "eur",
          metadata: { userId: "casey", vendorId: "vendor-2" },
        },
      },
    });
    const intent = paymentSucceeded("evt_3", "pi_2", { userId: "casey", vendorId: "vendor-2" });
    expect((await h.post("/webhooks/stripe", session, signed(session))).status).toBe(200);
    expect((await h.post("/webhooks/stripe", intent, signed(intent))).status).toBe(200);
    await expect
      .poll(async () => (await h.stores.inboundWebhooks.findById("stripe:evt_3"))?.status)
      .toBe("PROCESSED");
    await settle();
    expect(purchases.map((e) => e.payload)).toEqual([
      expect.objectContaining({ purchaseId: "pi_2", currency: "EUR" }),
    ]);
  });

  it("announces each refund of a charge", async () => {
    const refunds = h.seen(["payment.refunded"]);
    const refund = (id: string, refunded: number) =>
      JSON.stringify({
        id,
        type: "charge.refunded",
        created: 1_780_000_200,
        data: {
          object: {
            id: "ch_1",
            amount: 1000,
            amount_refunded: refunded,
            refunded: refunded === 1000,
            currency: "usd",
            payment_intent: "pi_9",
            metadata: {},
          },
        },
      });
    for (const [id, amount] of [
      ["evt_r1", 400],
      ["evt_r2", 1000],
    ] as const) {
      const payload = refund(id, amount);
      expect((await h.post("/webhooks/stripe", payload, signed(payload))).status).toBe(200);
    }
    await expect.poll(() => refunds.length).toBe(2);
    expect(refunds.map((e) => e.payload)).toEqual([
      expect.objectContaining({ purchaseId: "pi_9", amountRefundedMinor: 400, fullyRefunded: false }),
      expect.objectContaining({ purchaseId: "pi_9", amountRefundedMinor: 1000, fullyRefunded: true }),
    ]);
  });

  it("refuses a bad or missing signature with 400, storing nothing", async () => {
    const payload = paymentSucceeded("evt_4", "pi_4", { userId: "casey", vendorId: "vendor-1" });
    const forged = {
      "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_someone_else" }),
    };
    expect((await h.post("/webhooks/stripe", payload, forged)).status).toBe(400);
    expect((await h.post("/webhooks/stripe", payload)).status).toBe(400);
    const tampered = payload.replace("1250", "9999");
    expect((await h.post("/webhooks/stripe", tampered, signed(payload))).status).toBe(400);
    expect((await h.stores.inboundWebhooks.list({ first: 10 })).totalCount).toBe(0);
  });

  it("refuses a signature older than 300 seconds", async () => {
    const payload = paymentSucceeded("evt_5", "pi_5", { userId: "casey", vendorId: "vendor-1" });
    const stale = Math.floor(Date.now() / 1000) - 301;
    const response = await h.post("/webhooks/stripe", payload, signed(payload, stale));
    expect(response.status).toBe(400);
    expect(String(response.body.error)).toContain("tolerance");
    expect(await h.stores.inboundWebhooks.findById("stripe:evt_5")).toBeNull();
  });

  it("keeps a payment without purchase metadata, and event types it does not use, as IGNORED", async () => {
    const purchases = h.seen(["payment.purchase_completed"]);
    const plain = paymentSucceeded("evt_6", "pi_6", {});
    const other = JSON.stringify({
      id: "evt_7",
      type: "customer.created",
      created: 1,
      data: { object: { id: "cus_1" } },
    });
    for (const payload of [plain, other])
      expect((await h.post("/webhooks/stripe", payload, signed(payload))).status).toBe(200);
    await expect
      .poll(async () => (await h.stores.inboundWebhooks.list({ first: 10, status: "IGNORED" })).totalCount)
      .toBe(2);
    expect((await h.stores.inboundWebhooks.findById("stripe:evt_7"))?.lastError).toContain(
      "customer.created",
    );
    expect(purchases).toHaveLength(0);
  });

  it("answers 503 without a configured secret, and 405 to anything but POST", async () => {
    const bare = await webhooksHarness();
    try {
      const payload = paymentSucceeded("evt_8", "pi_8", {});
      const response = await bare.post("/webhooks/stripe", payload, signed(payload));
      expect(response.status).toBe(503);
      expect(String(response.body.error)).toContain("STRIPE_WEBHOOK_SECRET");
      expect((await bare.stores.inboundWebhooks.list({ first: 10 })).totalCount).toBe(0);
    } finally {
      await bare.close();
    }
    expect((await fetch(`${h.base}/webhooks/stripe`)).status).toBe(405);
  });
});
