import { formatAmount } from "../api/currencies.js";
import { expanded } from "../api/expand.js";
import { newId, unixSeconds } from "../api/ids.js";
import { PAGINATION_PARAMS, pageOf } from "../api/lists.js";
import {
  boolean,
  initialMetadata,
  integer,
  list,
  mergeMetadata,
  metadata,
  oneOf,
  readParams,
  text,
} from "../api/params.js";
import { retrieveRoute } from "../api/retrieve-route.js";
import { recordRefund } from "../balance-transactions/ledger.js";
import type { Charge } from "../charges/charge.object.js";
import { invalidRequest, unexpectedState } from "../http/api-error.js";
import type { Route } from "../http/router.js";
import type { SandboxContext } from "../sandbox-context.js";
import { REFUND_REASONS, type Refund } from "./refund.object.js";

const createParams = {
  payment_intent: text(),
  charge: text(),
  amount: integer({ min: 1 }),
  reason: oneOf(REFUND_REASONS),
  metadata: metadata(),
  reverse_transfer: boolean(),
  refund_application_fee: boolean(),
  expand: list(text()),
};

const updateParams = { metadata: metadata(), expand: list(text()) };

const listParams = { ...PAGINATION_PARAMS, payment_intent: text(), charge: text() };

export function refundRoutes({ state, events }: SandboxContext): Route[] {
  /** The charge a refund is for: named directly, or the PaymentIntent's successful charge. */
  function chargeToRefund(sent: { payment_intent?: string; charge?: string }): Charge {
    if (sent.charge !== undefined) {
      const charge = state.charges.require(sent.charge, "charge");
      if (sent.payment_intent !== undefined && charge.payment_intent !== sent.payment_intent)
        throw invalidRequest(`Charge ${charge.id} does not belong to PaymentIntent ${sent.payment_intent}.`, {
          param: "payment_intent",
        });
      return charge;
    }
    if (sent.payment_intent === undefined)
      throw invalidRequest(
        "One of the following params should be provided for this request: payment_intent or charge.",
        {
          code: "parameter_missing",
          param: "payment_intent",
        },
      );
    const intent = state.paymentIntents.require(sent.payment_intent, "payment_intent");
    const charge = intent.latest_charge === null ? undefined : state.charges.get(intent.latest_charge);
    if (intent.status !== "succeeded" || !charge)
      throw unexpectedState(
        "charge_not_refundable",
        `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
        { param: "payment_intent" },
      );
    return charge;
  }

  return [
    {
      method: "POST",
      path: "/v1/refunds",
      handle: ({ params, origin }) => {
        const sent = readParams(createParams, params);
        const charge = chargeToRefund(sent);
        if (charge.status !== "succeeded")
          throw unexpectedState(
            "charge_not_refundable",
            `Charge ${charge.id} has not succeeded: there is nothing to refund.`,
            {
              param: "charge",
            },
          );
        if (charge.disputed)
          throw unexpectedState(
            "charge_disputed",
            `Charge ${charge.id} has been charged back; cannot issue a refund.`,
          );
        if (charge.refunded)
          throw unexpectedState("charge_already_refunded", `Charge ${charge.id} has already been refunded.`);
        const remaining = charge.amount - charge.amount_refunded;
        const amount = sent.amount ?? remaining;
        if (amount > remaining)
          throw invalidRequest(
            `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
            { code: "amount_too_large", param: "amount" },
          );
        if (sent.reverse_transfer && !charge.transfer)
          throw invalidRequest(
            `Charge ${charge.id} has no transfer to reverse: it is not a destination charge.`,
            {
              param: "reverse_transfer",
            },
          );
        if (sent.refund_application_fee && !charge.application_fee)
          throw invalidRequest(`Charge ${charge.id} has no application fee to refund.`, {
            param: "refund_application_fee",
          });

        const id = newId("refund");
        const transaction = recordRefund(state, { id, amount, currency: charge.currency });
        const refund: Refund = state.refunds.add({
          id,
          object: "refund",
          amount,
          balance_transaction: transaction.id,
          charge: charge.id,
          created: unixSeconds(),
          currency: charge.currency,
          customer: null,
          customer_account: null,
          destination_details: {
            card: { reference_status: "pending", reference_type: "acquirer_reference_number" },
            type: "card",
          },
          metadata: initialMetadata(sent.metadata),
          payment_intent: charge.payment_intent,
          payment_method: charge.payment_method,
          reason: sent.reason ?? null,
          receipt_number: null,
          source_transfer_reversal: null,
          status: "succeeded",
          transfer_reversal: sent.reverse_transfer ? newId("transferReversal") : null,
        });
        const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
        charge.amount_refunded += amount;
        charge.refunded = charge.amount_refunded === charge.amount;
        events.emit("refund.created", refund, { request: origin });
        // Every refund, partial ones included, is a `charge.refunded` on Stripe.
        events.emit("charge.refunded", charge, { request: origin, previousAttributes: previous });
        return expanded(state, refund, sent.expand);
      },
    },
    retrieveRoute(state, "/v1/refunds/:id", state.refunds),
    {
      method: "POST",
      path: "/v1/refunds/:id",
      handle: ({ params, path }) => {
        const refund = state.refunds.require(path.id ?? "");
        const sent = readParams(updateParams, params);
        if (sent.metadata !== undefined) refund.metadata = mergeMetadata(refund.metadata, sent.metadata);
        return expanded(state, refund, sent.expand);
      },
    },
    {
      method: "GET",
      path: "/v1/refunds",
      handle: ({ params }) => {
        const query = readParams(listParams, params);
        const matching = state.refunds
          .newestFirst()
          .filter(
            (refund) =>
              (query.payment_intent === undefined || refund.payment_intent === query.payment_intent) &&
              (query.charge === undefined || refund.charge === query.charge),
          );
        return expanded(state, pageOf(matching, query, "/v1/refunds", "refund"), query.expand);
      },
    },
  ];
}
