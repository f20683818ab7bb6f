import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardPayment, onboardedAccount, startSandboxWithReceiver } from "./sandbox.harness.js";

type Harness = Awaited<ReturnType<typeof startSandboxWithReceiver>>;

describe("refunds", () => {
  let harness: Harness;
  let stripe: Stripe;
  beforeAll(async () => {
    harness = await startSandboxWithReceiver();
    stripe = harness.stripe;
  });
  afterAll(() => harness.close());

  it("refunds part, then the rest, then refuses to refund more", async () => {
    const paid = await cardPayment(stripe, "pm_card_visa", { metadata: { userId: "u-2", vendorId: "v-2" } });
    const partial = await stripe.refunds.create({
      payment_intent: paid.id,
      amount: 500,
      reason: "requested_by_customer",
      metadata: { ticket: "t-1" },
    });
    expect(partial).toMatchObject({
      object: "refund",
      status: "succeeded",
      amount: 500,
      payment_intent: paid.id,
      charge: paid.latest_charge,
      reason: "requested_by_customer",
      metadata: { ticket: "t-1" },
    });
    await expect(stripe.refunds.create({ payment_intent: paid.id, amount: 1600 })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "amount_too_large",
      param: "amount",
      message: "Refund amount ($16.00) is greater than unrefunded amount on charge ($15.00)",
    });

    const rest = await stripe.refunds.create({ charge: String(paid.latest_charge) });
    expect(rest.amount).toBe(1500);
    const charge = await stripe.charges.retrieve(String(paid.latest_charge));
    expect(charge).toMatchObject({ amount_refunded: 2000, refunded: true });

    await expect(stripe.refunds.create({ payment_intent: paid.id, amount: 1 })).rejects.toMatchObject({
      code: "charge_already_refunded",
    });

    const transaction = await stripe.balanceTransactions.retrieve(String(partial.balance_transaction));
    expect(transaction).toMatchObject({
      type: "refund",
      amount: -500,
      fee: 0,
      net: -500,
      source: partial.id,
    });

    const listed = await stripe.refunds.list({ payment_intent: paid.id });
    expect(listed.data.map((refund) => refund.id)).toEqual([rest.id, partial.id]);

    await harness.sandbox.idle();
    const refunded = harness.receiver
      .ofType("charge.refunded")
      .map((event) => ({
        object: event.data.object as Stripe.Charge,
        previous: event.data.previous_attributes,
      }))
      .filter(({ object }) => object.id === charge.id)
      .sort((a, b) => a.object.amount_refunded - b.object.amount_refunded);
    expect(refunded.map(({ object }) => [object.amount_refunded, object.refunded])).toEqual([
      [500, false],
      [2000, true],
    ]);
    expect(refunded[1]?.previous).toEqual({ amount_refunded: 500, refunded: false });
    expect(refunded[0]?.object.metadata).toEqual({ userId: "u-2", vendorId: "v-2" });
  });

  it("reverses a destination charge's transfer, and refuses to reverse a charge without one", async () => {
    const vendor = await onboardedAccount(stripe);
    const paid = await cardPayment(stripe, "pm_card_visa", {
      application_fee_amount: 150,
      transfer_data: { destination: vendor.id },
    });
    const refund = await stripe.refunds.create({
      payment_intent: paid.id,
      reverse_transfer: true,
      refund_application_fee: true,
    });
    expect(refund.transfer_reversal).toMatch(/^trr_/);

    const direct = await cardPayment(stripe, "pm_card_visa");
    await expect(
      stripe.refunds.create({ payment_intent: direct.id, reverse_transfer: true }),
    ).rejects.toMatchObject({
      param: "reverse_transfer",
    });
  });

  it("refuses to refund a PaymentIntent that has not been paid", async () => {
    const unpaid = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    await expect(stripe.refunds.create({ payment_intent: unpaid.id })).rejects.toMatchObject({
      statusCode: 400,
      param: "payment_intent",
    });
    await expect(stripe.refunds.create({})).rejects.toMatchObject({ code: "parameter_missing" });
  });
});
