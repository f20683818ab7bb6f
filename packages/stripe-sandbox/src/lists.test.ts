import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardPayment, startSandboxWithReceiver } from "./sandbox.harness.js";

type Harness = Awaited<ReturnType<typeof startSandboxWithReceiver>>;

describe("lists", () => {
  let harness: Harness;
  let stripe: Stripe;
  const created: string[] = [];
  beforeAll(async () => {
    harness = await startSandboxWithReceiver();
    stripe = harness.stripe;
    for (let i = 0; i < 5; i += 1)
      created.push((await cardPayment(stripe, "pm_card_visa", { amount: 1000 + i })).id);
  });
  afterAll(() => harness.close());

  it("pages newest first with starting_after until has_more is false, never repeating an object", async () => {
    const seen: string[] = [];
    let page = await stripe.paymentIntents.list({ limit: 2 });
    seen.push(...page.data.map((intent) => intent.id));
    while (page.has_more) {
      page = await stripe.paymentIntents.list({ limit: 2, starting_after: seen.at(-1) });
      expect(page.data.length).toBeGreaterThan(0);
      seen.push(...page.data.map((intent) => intent.id));
    }
    expect(seen).toEqual([...created].reverse());
    expect(page.url).toBe("/v1/payment_intents");

    const back = await stripe.paymentIntents.list({ limit: 2, ending_before: created[1] });
    expect(back.data.map((intent) => intent.id)).toEqual([created[3], created[2]]);
    expect(back.has_more).toBe(true);
  });

  it("pages through the SDK's auto-pagination", async () => {
    const all = await stripe.paymentIntents.list({ limit: 2 }).autoPagingToArray({ limit: 100 });
    expect(all.map((intent) => intent.id)).toEqual([...created].reverse());
  });

  it("filters balance transactions by type and source", async () => {
    const charges = await stripe.balanceTransactions.list({ type: "charge", limit: 100 });
    expect(charges.data).toHaveLength(5);
    expect(charges.data.every((transaction) => transaction.type === "charge")).toBe(true);
    const oneCharge = String((await stripe.paymentIntents.retrieve(String(created[0]))).latest_charge);
    const bySource = await stripe.balanceTransactions.list({ source: oneCharge });
    expect(bySource.data.map((transaction) => transaction.source)).toEqual([oneCharge]);
    expect((await stripe.balanceTransactions.list({ type: "payout" })).data).toEqual([]);
  });

  it("lists events by type, newest first", async () => {
    const events = await stripe.events.list({ type: "payment_intent.succeeded", limit: 100 });
    expect(events.data.map((event) => (event.data.object as Stripe.PaymentIntent).id)).toEqual(
      [...created].reverse(),
    );
    const charges = await stripe.events.list({ type: "charge.*", limit: 100 });
    expect(new Set(charges.data.map((event) => event.type))).toEqual(new Set(["charge.succeeded"]));
  });

  it("refuses a cursor that names no object of the list, and a limit over 100", async () => {
    await expect(stripe.paymentIntents.list({ starting_after: "pi_gone" })).rejects.toMatchObject({
      statusCode: 400,
      code: "resource_missing",
      param: "starting_after",
    });
    await expect(stripe.paymentIntents.list({ limit: 101 })).rejects.toMatchObject({ param: "limit" });
  });
});
