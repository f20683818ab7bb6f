import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import type { DeliveryAttempt } from "./events/webhook-delivery.js";
import { stripeSignatureHeader } from "./events/webhook-signature.js";
import { cardPayment, startWebhookReceiver, stripeClient, WEBHOOK_SECRET } from "./sandbox.harness.js";
import { type StripeSandbox, startStripeSandbox } from "./sandbox.js";

describe("webhook delivery", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function sandboxFor(webhooks: { url: string; secret: string }[], attempts: DeliveryAttempt[] = []) {
    const sandbox: StripeSandbox = await startStripeSandbox({
      webhooks,
      webhookRetryDelaysMs: [20, 40, 80],
      onDeliveryAttempt: (attempt) => attempts.push(attempt),
    });
    cleanups.push(() => sandbox.close());
    return sandbox;
  }

  it("signs each delivery so that the SDK's constructEvent accepts it, and only with the right secret", async () => {
    const receiver = await startWebhookReceiver(WEBHOOK_SECRET);
    const impostor = await startWebhookReceiver("whsec_someone_else");
    cleanups.push(receiver.close, impostor.close);
    const sandbox = await sandboxFor([
      { url: receiver.url, secret: WEBHOOK_SECRET },
      { url: impostor.url, secret: WEBHOOK_SECRET },
    ]);
    const paid = await cardPayment(stripeClient(sandbox), "pm_card_visa");
    await sandbox.idle();

    expect(receiver.ofType("payment_intent.succeeded")[0]?.data.object).toMatchObject({ id: paid.id });
    expect(
      receiver.events.every((event) => event.api_version === "2026-10-28.endive" && !event.livemode),
    ).toBe(true);
    expect(impostor.events).toEqual([]);
    expect(impostor.refused[0]).toMatch(/No signatures found matching the expected signature/);
  });

  it("signs exactly as Stripe: HMAC-SHA256 keyed with the whole whsec_ secret over t.body", () => {
    const payload = JSON.stringify({ id: "evt_1", object: "event" });
    const header = stripeSignatureHeader(payload, WEBHOOK_SECRET, Math.floor(Date.now() / 1000));
    const expected = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: WEBHOOK_SECRET,
      timestamp: Number(/t=(\d+)/.exec(header)?.[1]),
    });
    expect(header).toBe(expected);
  });

  it("redelivers with backoff until the receiver accepts, and stops after the last retry", async () => {
    const receiver = await startWebhookReceiver(WEBHOOK_SECRET);
    cleanups.push(receiver.close);
    const attempts: DeliveryAttempt[] = [];
    const sandbox = await sandboxFor([{ url: receiver.url, secret: WEBHOOK_SECRET }], attempts);
    const stripe = stripeClient(sandbox);

    receiver.failNext(2);
    const account = await stripe.accounts.create({ type: "express" });
    await stripe.accounts.update(account.id, { metadata: { vendorId: "v-3" } });
    await sandbox.idle();
    expect(receiver.ofType("account.updated")).toHaveLength(1);
    expect(attempts.map((attempt) => [attempt.status, attempt.willRetry])).toEqual([
      [500, true],
      [500, true],
      [200, false],
    ]);
    const [delivered] = receiver.events;
    expect((await stripe.events.retrieve(String(delivered?.id))).pending_webhooks).toBe(0);

    attempts.length = 0;
    receiver.failNext(10);
    await stripe.accounts.update(account.id, { metadata: { vendorId: "v-4" } });
    await sandbox.idle();
    expect(attempts).toHaveLength(4);
    expect(attempts.at(-1)).toMatchObject({ delivered: false, willRetry: false });
    const [latest] = (await stripe.events.list({ type: "account.updated", limit: 1 })).data;
    expect(latest?.pending_webhooks).toBe(1);
  });

  it("counts an unreachable receiver as a failed attempt", async () => {
    const receiver = await startWebhookReceiver(WEBHOOK_SECRET);
    await receiver.close();
    const attempts: DeliveryAttempt[] = [];
    const sandbox = await sandboxFor([{ url: receiver.url, secret: WEBHOOK_SECRET }], attempts);
    const stripe = stripeClient(sandbox);
    const account = await stripe.accounts.create({ type: "express" });
    await stripe.accounts.update(account.id, { metadata: { vendorId: "v-5" } });
    await sandbox.idle();
    expect(attempts.map((attempt) => attempt.status)).toEqual([null, null, null, null]);
  });

  it("refuses webhook endpoints that are not http(s) URLs with a whsec_ secret", async () => {
    await expect(
      startStripeSandbox({ webhooks: [{ url: "ftp://x", secret: WEBHOOK_SECRET }] }),
    ).rejects.toThrow(/http/);
    await expect(
      startStripeSandbox({ webhooks: [{ url: "http://127.0.0.1:1", secret: "secret" }] }),
    ).rejects.toThrow(/whsec_/);
  });
});
