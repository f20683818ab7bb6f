import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, startSandboxWithReceiver, stripeClient } from "./sandbox.harness.js";

type Harness = Awaited<ReturnType<typeof startSandboxWithReceiver>>;

describe("Idempotency-Key", () => {
  let harness: Harness;
  let stripe: Stripe;
  beforeAll(async () => {
    harness = await startSandboxWithReceiver();
    stripe = harness.stripe;
  });
  afterAll(() => harness.close());

  const post = (path: string, body: string, headers: Record<string, string>) =>
    fetch(`${harness.sandbox.url}${path}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${API_KEY}`,
        "content-type": "application/x-www-form-urlencoded",
        ...headers,
      },
      body,
    });

  it("replays the first answer to a retry with the same parameters, creating nothing twice", async () => {
    const params = { amount: 1800, currency: "usd", metadata: { orderId: "o-7" } };
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: "order-o-7" });
    const retry = await stripe.paymentIntents.create(params, { idempotencyKey: "order-o-7" });
    expect(retry.id).toBe(first.id);
    expect(retry.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined();

    // The same parameters in another order are the same request.
    const reordered = await post("/v1/payment_intents", "metadata[orderId]=o-7&currency=usd&amount=1800", {
      "idempotency-key": "order-o-7",
    });
    expect(reordered.headers.get("idempotent-replayed")).toBe("true");
    expect(((await reordered.json()) as { id: string }).id).toBe(first.id);

    const listed = await stripe.paymentIntents.list({ limit: 100 });
    expect(listed.data.filter((intent) => intent.metadata.orderId === "o-7")).toHaveLength(1);
  });

  it("refuses the same key with other parameters or on another endpoint", async () => {
    await stripe.paymentIntents.create({ amount: 1000, currency: "usd" }, { idempotencyKey: "k-mismatch" });
    const mismatch = stripe.paymentIntents.create(
      { amount: 1001, currency: "usd" },
      { idempotencyKey: "k-mismatch" },
    );
    await expect(mismatch).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    await expect(mismatch).rejects.toMatchObject({ statusCode: 400, type: "StripeIdempotencyError" });
    await expect(
      stripe.accounts.create({ type: "express" }, { idempotencyKey: "k-mismatch" }),
    ).rejects.toMatchObject({ type: "StripeIdempotencyError" });
  });

  it("keeps keys per API key", async () => {
    const other = stripeClient(harness.sandbox, "sk_test_another_key");
    const mine = await stripe.paymentIntents.create(
      { amount: 500, currency: "usd" },
      { idempotencyKey: "shared" },
    );
    const theirs = await other.paymentIntents.create(
      { amount: 500, currency: "usd" },
      { idempotencyKey: "shared" },
    );
    expect(theirs.id).not.toBe(mine.id);
  });

  it("replays a card decline without charging the card again", async () => {
    const params = {
      amount: 2000,
      currency: "usd",
      automatic_payment_methods: { enabled: true, allow_redirects: "never" as const },
      payment_method: "pm_card_chargeDeclined",
      confirm: true,
    };
    const first = await stripe.paymentIntents
      .create(params, { idempotencyKey: "decline-1" })
      .catch((error: unknown) => error as Stripe.errors.StripeCardError);
    const second = await stripe.paymentIntents
      .create(params, { idempotencyKey: "decline-1" })
      .catch((error: unknown) => error as Stripe.errors.StripeCardError);
    expect(first).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(second).toMatchObject({
      statusCode: 402,
      charge: (first as Stripe.errors.StripeCardError).charge,
    });
    expect((second as Stripe.errors.StripeCardError).headers?.["idempotent-replayed"]).toBe("true");
    const charges = await stripe.charges.list({
      payment_intent: String((first as Stripe.errors.StripeCardError).payment_intent?.id),
    });
    expect(charges.data).toHaveLength(1);
  });

  it("does not keep a refusal of bad parameters, so a corrected retry may reuse the key", async () => {
    const refused = await post("/v1/payment_intents", "amount=abc&currency=usd", {
      "idempotency-key": "fix-me",
    });
    expect(refused.status).toBe(400);
    const corrected = await post("/v1/payment_intents", "amount=1500&currency=usd", {
      "idempotency-key": "fix-me",
    });
    expect(corrected.status).toBe(200);
    expect(corrected.headers.get("idempotent-replayed")).toBeNull();
  });

  it("refuses a key longer than 255 characters", async () => {
    const answer = await post("/v1/payment_intents", "amount=1500&currency=usd", {
      "idempotency-key": "k".repeat(256),
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { type: "invalid_request_error" } });
  });
});
