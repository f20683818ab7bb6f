import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardPayment, startSandboxWithReceiver } from "./sandbox.harness.js";

type Harness = Awaited<ReturnType<typeof startSandboxWithReceiver>>;

describe("disputes", () => {
  let harness: Harness;
  let stripe: Stripe;
  beforeAll(async () => {
    harness = await startSandboxWithReceiver();
    stripe = harness.stripe;
  });
  afterAll(() => harness.close());

  it("pm_card_createDispute succeeds, then a fraud dispute opens on its charge", async () => {
    const paid = await cardPayment(stripe, "pm_card_createDispute");
    expect(paid.status).toBe("succeeded");

    await harness.sandbox.idle();
    const [opened] = harness.receiver.ofType("charge.dispute.created");
    const dispute = opened?.data.object as Stripe.Dispute;
    expect(dispute).toMatchObject({
      object: "dispute",
      charge: paid.latest_charge,
      payment_intent: paid.id,
      amount: 2000,
      reason: "fraudulent",
      status: "needs_response",
    });
    expect(dispute.balance_transactions[0]).toMatchObject({ type: "adjustment", amount: -2000, fee: 1500 });
    expect(await stripe.disputes.retrieve(dispute.id)).toMatchObject({ id: dispute.id });

    const charge = await stripe.charges.retrieve(String(paid.latest_charge));
    expect(charge.disputed).toBe(true);
    await expect(stripe.refunds.create({ payment_intent: paid.id })).rejects.toMatchObject({
      code: "charge_disputed",
    });
  });
});
