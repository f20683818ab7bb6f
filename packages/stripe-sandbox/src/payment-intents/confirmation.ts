import { recordCharge } from "../balance-transactions/ledger.js";
import { chargeAttempt } from "../charges/charge-attempt.js";
import { openDispute } from "../disputes/dispute-opening.js";
import type { EventRequest } from "../events/event.object.js";
import { cardError, invalidRequest, unexpectedState } from "../http/api-error.js";
import { attachPaymentMethod, choosePaymentMethod, testCardOf } from "../payment-methods/attachment.js";
import type { SandboxContext } from "../sandbox-context.js";
import type { PaymentIntent, PaymentIntentStatus } from "./payment-intent.object.js";

const CONFIRMABLE: readonly PaymentIntentStatus[] = [
  "requires_confirmation",
  "requires_payment_method",
  "requires_action",
];

/**
 * Stripe's rule that trips server-side confirmations: a PaymentIntent open to the account's
 * automatic payment methods may need a redirect, so confirming it needs a `return_url`, even for a
 * card, unless it was created with `automatic_payment_methods[allow_redirects]=never`. A
 * PaymentIntent restricted to cards (`allowed_payment_method_types`, the only type the sandbox
 * takes) cannot redirect, so it needs none.
 */
export function checkReturnUrl(
  automatic: PaymentIntent["automatic_payment_methods"],
  allowed: string[] | null,
  returnUrl: string | undefined,
): void {
  if (
    automatic?.enabled &&
    automatic.allow_redirects !== "never" &&
    allowed === null &&
    returnUrl === undefined
  )
    throw invalidRequest(
      "A `return_url` must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.",
      { param: "return_url" },
    );
}

export interface Confirmation {
  /** A test token or PaymentMethod id; without it, the one already on the PaymentIntent. */
  paymentMethod?: string;
  returnUrl?: string;
}

/**
 * Confirms `intent` as Stripe's test mode does for a card: the attempt makes a Charge either way.
 * Approved, the PaymentIntent succeeds, the platform's balance gets the charge less Stripe's fee
 * and `charge.succeeded` and `payment_intent.succeeded` are sent. Declined, the PaymentIntent goes
 * back to `requires_payment_method` with `last_payment_error`, `charge.failed` and
 * `payment_intent.payment_failed` are sent, and the call answers 402 with the card error.
 */
export function confirmPaymentIntent(
  context: SandboxContext,
  intent: PaymentIntent,
  confirmation: Confirmation,
  origin: EventRequest,
): void {
  const { state, events } = context;
  if (!CONFIRMABLE.includes(intent.status))
    throw unexpectedState(
      "payment_intent_unexpected_state",
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(", ")}.`,
      { payment_intent: structuredClone(intent) },
    );
  // Everything is checked before anything changes: a refused confirmation leaves no trace.
  const choice =
    confirmation.paymentMethod === undefined
      ? undefined
      : choosePaymentMethod(state, confirmation.paymentMethod);
  if (!choice && intent.payment_method === null)
    throw unexpectedState(
      "payment_intent_unexpected_state",
      "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm this PaymentIntent with a payment method, provide a `payment_method`.",
      { param: "payment_method", payment_intent: structuredClone(intent) },
    );
  checkReturnUrl(
    intent.automatic_payment_methods,
    intent.allowed_payment_method_types,
    confirmation.returnUrl,
  );

  const paymentMethod = choice
    ? attachPaymentMethod(state, choice)
    : state.paymentMethods.require(intent.payment_method ?? "");
  intent.payment_method = paymentMethod.id;
  const card = testCardOf(paymentMethod);
  const charge = state.charges.add(chargeAttempt(intent, paymentMethod, card.outcome));
  intent.latest_charge = charge.id;

  if (card.outcome.kind === "declined") {
    const { declineCode, message } = card.outcome;
    // The declined PaymentMethod is detached: the customer must give another (or the same) card.
    intent.status = "requires_payment_method";
    intent.payment_method = null;
    intent.last_payment_error = {
      type: "card_error",
      code: "card_declined",
      decline_code: declineCode,
      doc_url: "https://stripe.com/docs/error-codes/card-declined",
      message,
      charge: charge.id,
      payment_method: structuredClone(paymentMethod),
    };
    events.emit("charge.failed", charge, { request: origin });
    events.emit("payment_intent.payment_failed", intent, { request: origin });
    throw cardError({
      code: "card_declined",
      decline_code: declineCode,
      message,
      charge: charge.id,
      payment_intent: structuredClone(intent),
      payment_method: structuredClone(paymentMethod),
    });
  }

  charge.balance_transaction = recordCharge(state, charge).id;
  intent.status = "succeeded";
  intent.amount_received = intent.amount;
  intent.last_payment_error = null;
  events.emit("charge.succeeded", charge, { request: origin });
  events.emit("payment_intent.succeeded", intent, { request: origin });
  if (card.outcome.kind === "disputed")
    context.work.later(context.disputeDelayMs, () => openDispute(context, charge));
}
