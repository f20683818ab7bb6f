import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cardPayment, onboardedAccount, startSandboxWithReceiver } from "./sandbox.harness.js";

type Harness = Awaited<ReturnType<typeof startSandboxWithReceiver>>;

describe("destination payments through the official SDK", () => {
  let harness: Harness;
  let stripe: Stripe;
  beforeEach(async () => {
    harness = await startSandboxWithReceiver();
    stripe = harness.stripe;
  });
  afterEach(() => harness.close());

  it("onboards a connected account through its account link and announces it", async () => {
    const account = await stripe.accounts.create({
      type: "express",
      country: "US",
      email: "tacos@venta.test",
      metadata: { vendorId: "v-1" },
    });
    expect(account).toMatchObject({
      object: "account",
      type: "express",
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      default_currency: "usd",
      metadata: { vendorId: "v-1" },
    });
    expect(account.id).toMatch(/^acct_/);

    const link = await stripe.accountLinks.create({
      account: account.id,
      type: "account_onboarding",
      refresh_url: "https://venta.test/refresh",
      return_url: "https://venta.test/done",
    });
    expect(link.url.startsWith(harness.sandbox.url)).toBe(true);
    expect(link.expires_at).toBeGreaterThan(link.created);

    const visit = await fetch(link.url, { redirect: "manual" });
    expect(visit.status).toBe(302);
    expect(visit.headers.get("location")).toBe("https://venta.test/done");
    const again = await fetch(link.url, { redirect: "manual" });
    expect(again.headers.get("location")).toBe("https://venta.test/refresh");

    const onboarded = await stripe.accounts.retrieve(account.id);
    expect(onboarded).toMatchObject({
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
    });
    expect(onboarded.capabilities).toMatchObject({ transfers: "active", card_payments: "active" });
    expect(onboarded.requirements?.currently_due).toEqual([]);

    await harness.sandbox.idle();
    const [updated] = harness.receiver.ofType("account.updated");
    expect(updated?.account).toBe(account.id);
    expect(updated?.data.object).toMatchObject({ id: account.id, charges_enabled: true });
    expect(updated?.data.previous_attributes).toMatchObject({ charges_enabled: false });
  });

  it("takes a card payment with an application fee for a vendor and records the charge and its fee", async () => {
    const vendor = await onboardedAccount(stripe);
    const created = await stripe.paymentIntents.create({
      amount: 2000,
      currency: "usd",
      application_fee_amount: 200,
      transfer_data: { destination: vendor.id },
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
      metadata: { userId: "u-1", vendorId: "v-1" },
    });
    expect(created).toMatchObject({
      object: "payment_intent",
      status: "requires_payment_method",
      amount: 2000,
      currency: "usd",
      application_fee_amount: 200,
      transfer_data: { destination: vendor.id },
      latest_charge: null,
    });
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_\\w+$`));

    const paid = await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" });
    expect(paid.status).toBe("succeeded");
    expect(paid.amount_received).toBe(2000);
    expect(paid.payment_method).toMatch(/^pm_/);

    const charge = await stripe.charges.retrieve(String(paid.latest_charge));
    expect(charge).toMatchObject({
      status: "succeeded",
      paid: true,
      captured: true,
      amount: 2000,
      payment_intent: paid.id,
      application_fee_amount: 200,
      transfer_data: { destination: vendor.id, amount: null },
      metadata: { userId: "u-1", vendorId: "v-1" },
      outcome: { type: "authorized", risk_level: "normal", network_status: "approved_by_network" },
    });
    expect(charge.outcome?.risk_score).toBeGreaterThanOrEqual(0);
    expect(charge.transfer).toMatch(/^tr_/);
    expect(charge.payment_method_details?.card).toMatchObject({
      brand: "visa",
      last4: "4242",
      funding: "credit",
    });

    const transaction = await stripe.balanceTransactions.retrieve(String(charge.balance_transaction));
    // 2.9% of $20.00 is 58 cents, plus 30.
    expect(transaction).toMatchObject({
      type: "charge",
      amount: 2000,
      fee: 88,
      net: 1912,
      source: charge.id,
    });

    await harness.sandbox.idle();
    const [succeeded] = harness.receiver.ofType("payment_intent.succeeded");
    expect(succeeded?.data.object).toMatchObject({ id: paid.id, status: "succeeded", amount_received: 2000 });
    expect(succeeded?.request?.id).toMatch(/^req_/);
    expect(harness.receiver.ofType("charge.succeeded")[0]?.data.object).toMatchObject({ id: charge.id });
    expect(harness.receiver.ofType("payment_intent.created")[0]?.data.object).toMatchObject({ id: paid.id });
    expect(harness.receiver.refused).toEqual([]);

    const stored = await stripe.events.retrieve(String(succeeded?.id));
    expect(stored).toMatchObject({ type: "payment_intent.succeeded", pending_webhooks: 0 });
  });

  it("gives the same card the same fingerprint across payments, and each card its own", async () => {
    const fingerprintOf = async (paymentMethod: string) => {
      const intent = await cardPayment(stripe, paymentMethod);
      const charge = await stripe.charges.retrieve(String(intent.latest_charge));
      return charge.payment_method_details?.card?.fingerprint;
    };
    const visa = await fingerprintOf("pm_card_visa");
    expect(visa).toMatch(/^\w{16}$/);
    expect(await fingerprintOf("pm_card_visa")).toBe(visa);
    expect(await fingerprintOf("pm_card_mastercard")).not.toBe(visa);
  });

  it("expands the latest charge and its balance transaction on request", async () => {
    const paid = await cardPayment(stripe, "pm_card_mastercard");
    const intent = await stripe.paymentIntents.retrieve(paid.id, {
      expand: ["latest_charge.balance_transaction"],
    });
    const charge = intent.latest_charge as Stripe.Charge;
    expect(charge.object).toBe("charge");
    expect((charge.balance_transaction as Stripe.BalanceTransaction).object).toBe("balance_transaction");
    await expect(stripe.paymentIntents.retrieve(paid.id, { expand: ["amount"] })).rejects.toMatchObject({
      statusCode: 400,
      param: "expand",
    });
  });

  it("refuses a destination that is unknown or has not finished onboarding", async () => {
    const pending = await stripe.accounts.create({ type: "express" });
    const destined = (destination: string) =>
      stripe.paymentIntents.create({
        amount: 1500,
        currency: "usd",
        application_fee_amount: 100,
        transfer_data: { destination },
      });
    await expect(destined("acct_unknown")).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "resource_missing",
      param: "transfer_data[destination]",
    });
    await expect(destined(pending.id)).rejects.toMatchObject({
      code: "insufficient_capabilities_for_transfer",
      param: "transfer_data[destination]",
    });
    await expect(
      stripe.paymentIntents.create({ amount: 1500, currency: "usd", application_fee_amount: 100 }),
    ).rejects.toMatchObject({ param: "application_fee_amount" });
  });

  it("requires a return_url to confirm a PaymentIntent whose automatic payment methods may redirect", async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1200, currency: "usd" });
    expect(intent.automatic_payment_methods).toEqual({ enabled: true, allow_redirects: "always" });
    await expect(
      stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" }),
    ).rejects.toMatchObject({ type: "StripeInvalidRequestError", param: "return_url" });
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe("requires_payment_method");
    const paid = await stripe.paymentIntents.confirm(intent.id, {
      payment_method: "pm_card_visa",
      return_url: "https://venta.test/paid",
    });
    expect(paid.status).toBe("succeeded");
  });

  it("confirms a PaymentIntent created with its payment method, and refuses to confirm it twice", async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 900,
      currency: "usd",
      allowed_payment_method_types: ["card"],
      payment_method: "pm_card_visa",
    });
    expect(intent.status).toBe("requires_confirmation");
    const paid = await stripe.paymentIntents.confirm(intent.id);
    expect(paid.status).toBe("succeeded");
    await expect(stripe.paymentIntents.confirm(intent.id)).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
      statusCode: 400,
    });
  });

  it("cancels an unpaid PaymentIntent, announces it, and refuses to confirm it afterwards", async () => {
    const intent = await stripe.paymentIntents.create({ amount: 700, currency: "usd" });
    const canceled = await stripe.paymentIntents.cancel(intent.id, { cancellation_reason: "abandoned" });
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" });
    expect(canceled.canceled_at).toBeTypeOf("number");
    await expect(
      stripe.paymentIntents.confirm(intent.id, {
        payment_method: "pm_card_visa",
        return_url: "https://venta.test",
      }),
    ).rejects.toMatchObject({ code: "payment_intent_unexpected_state" });
    await expect(stripe.paymentIntents.cancel(intent.id)).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
    });
    await harness.sandbox.idle();
    expect(harness.receiver.ofType("payment_intent.canceled")[0]?.data.object).toMatchObject({
      id: intent.id,
    });
  });

  it("updates metadata: new keys merge, empty values remove", async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      metadata: { orderId: "o-1", note: "extra salsa" },
    });
    const updated = await stripe.paymentIntents.update(intent.id, { metadata: { note: "", table: "4" } });
    expect(updated.metadata).toEqual({ orderId: "o-1", table: "4" });
    const account = await stripe.accounts.update((await stripe.accounts.create({ type: "standard" })).id, {
      metadata: { vendorId: "v-9" },
    });
    expect(account.metadata).toEqual({ vendorId: "v-9" });
  });
});
