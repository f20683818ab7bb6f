import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardPayment, startSandboxWithReceiver } from "./sandbox.harness.js";

type Harness = Awaited<ReturnType<typeof startSandboxWithReceiver>>;

describe("declined cards", () => {
  let harness: Harness;
  let stripe: Stripe;
  beforeAll(async () => {
    harness = await startSandboxWithReceiver();
    stripe = harness.stripe;
  });
  afterAll(() => harness.close());

  it.each([
    {
      card: "pm_card_chargeDeclined",
      declineCode: "generic_decline",
      message: "Your card was declined.",
      outcome: { type: "issuer_declined", network_status: "declined_by_network" },
    },
    {
      card: "pm_card_chargeDeclinedInsufficientFunds",
      declineCode: "insufficient_funds",
      message: "Your card has insufficient funds.",
      outcome: { type: "issuer_declined", network_status: "declined_by_network" },
    },
    {
      card: "pm_card_radarBlock",
      declineCode: "fraudulent",
      message: "Your card was declined.",
      outcome: { type: "blocked", network_status: "not_sent_to_network", risk_level: "highest" },
    },
  ])(
    "$card fails with a StripeCardError ($declineCode) and leaves the PaymentIntent awaiting a card",
    async ({ card, declineCode, message, outcome }) => {
      const intent = await stripe.paymentIntents.create({
        amount: 2500,
        currency: "usd",
        automatic_payment_methods: { enabled: true, allow_redirects: "never" },
      });
      const error = await stripe.paymentIntents.confirm(intent.id, { payment_method: card }).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
      const cardError = error as Stripe.errors.StripeCardError;
      expect(cardError).toMatchObject({
        statusCode: 402,
        code: "card_declined",
        decline_code: declineCode,
        message,
      });
      expect(cardError.payment_intent).toMatchObject({ id: intent.id, status: "requires_payment_method" });
      expect(cardError.charge).toMatch(/^ch_/);

      const after = await stripe.paymentIntents.retrieve(intent.id);
      expect(after).toMatchObject({
        status: "requires_payment_method",
        payment_method: null,
        amount_received: 0,
        last_payment_error: { type: "card_error", code: "card_declined", decline_code: declineCode, message },
      });
      const failed = await stripe.charges.retrieve(String(after.latest_charge));
      expect(failed).toMatchObject({
        status: "failed",
        paid: false,
        failure_code: "card_declined",
        balance_transaction: null,
        outcome,
      });

      // The customer tries another card on the same PaymentIntent.
      const retried = await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
      expect(retried).toMatchObject({ status: "succeeded", last_payment_error: null });

      await harness.sandbox.idle();
      const failures = harness.receiver
        .ofType("payment_intent.payment_failed")
        .filter((event) => (event.data.object as Stripe.PaymentIntent).id === intent.id);
      expect(failures).toHaveLength(1);
      expect(failures[0]?.data.object).toMatchObject({ last_payment_error: { decline_code: declineCode } });
    },
  );

  it("declines a payment confirmed at creation, and the PaymentIntent still exists", async () => {
    const error = await cardPayment(stripe, "pm_card_chargeDeclined").then(
      () => undefined,
      (thrown: unknown) => thrown as Stripe.errors.StripeCardError,
    );
    expect(error?.type).toBe("StripeCardError");
    const intentId = String(error?.payment_intent?.id);
    expect((await stripe.paymentIntents.retrieve(intentId)).status).toBe("requires_payment_method");
  });
});
