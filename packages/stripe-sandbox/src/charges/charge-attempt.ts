import { randomInt } from "node:crypto";
import { newId, unixSeconds } from "../api/ids.js";
import type { PaymentIntent } from "../payment-intents/payment-intent.object.js";
import type { PaymentMethod } from "../payment-methods/payment-method.object.js";
import type { CardOutcome } from "../payment-methods/test-cards.js";
import type { Charge, ChargeOutcome } from "./charge.object.js";

/**
 * Radar's score: 0–64 is a normal risk level, 75 and above the highest (Stripe's bands). Scores
 * vary between charges as on Stripe, so code must read the level, not expect a number.
 */
function outcomeOf(result: CardOutcome): ChargeOutcome {
  if (result.kind !== "declined")
    return {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: "approved_by_network",
      reason: null,
      risk_level: "normal",
      risk_score: randomInt(0, 65),
      seller_message: "Payment complete.",
      type: "authorized",
    };
  return {
    advice_code: null,
    network_advice_code: null,
    network_decline_code: null,
    network_status: result.networkStatus,
    reason: result.reason,
    risk_level: result.riskLevel,
    risk_score: result.riskLevel === "highest" ? randomInt(75, 100) : randomInt(0, 65),
    seller_message: result.sellerMessage,
    type: result.outcomeType,
  };
}

/**
 * The Charge one confirmation attempt makes, succeeded or failed. A destination charge names its
 * transfer and the application fee as Stripe does; a failed one moves no money, so has neither.
 */
export function chargeAttempt(
  intent: PaymentIntent,
  paymentMethod: PaymentMethod,
  result: CardOutcome,
): Charge {
  const approved = result.kind !== "declined";
  const card = paymentMethod.card;
  const destination = intent.transfer_data?.destination;
  return {
    id: newId("charge"),
    object: "charge",
    amount: intent.amount,
    amount_captured: approved ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: approved && intent.application_fee_amount ? newId("applicationFee") : null,
    application_fee_amount: intent.application_fee_amount,
    balance_transaction: null,
    billing_details: structuredClone(paymentMethod.billing_details),
    calculated_statement_descriptor: null,
    captured: approved,
    created: unixSeconds(),
    currency: intent.currency,
    customer: null,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: approved ? null : "card_declined",
    failure_message: approved ? null : result.message,
    fraud_details: {},
    livemode: false,
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: outcomeOf(result),
    paid: approved,
    payment_intent: intent.id,
    payment_method: paymentMethod.id,
    payment_method_details: {
      card: {
        amount_authorized: approved ? intent.amount : null,
        brand: card.brand,
        checks: { ...card.checks },
        country: card.country,
        exp_month: card.exp_month,
        exp_year: card.exp_year,
        fingerprint: card.fingerprint,
        funding: card.funding,
        installments: null,
        last4: card.last4,
        mandate: null,
        network: card.brand,
        network_token: { used: false },
        three_d_secure: null,
        wallet: null,
      },
      type: "card",
    },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: approved ? "succeeded" : "failed",
    ...(approved && destination ? { transfer: newId("transfer") } : {}),
    transfer_data: destination ? { amount: null, destination } : null,
    transfer_group: destination ? `group_${intent.id}` : intent.transfer_group,
  };
}
