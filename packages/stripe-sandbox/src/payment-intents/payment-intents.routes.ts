import { checkChargeAmount, formatAmount, supportedCurrency } from "../api/currencies.js";
import { expanded } from "../api/expand.js";
import { clientSecretFor, newId, unixSeconds } from "../api/ids.js";
import { PAGINATION_PARAMS, pageOf } from "../api/lists.js";
import {
  boolean,
  hash,
  initialMetadata,
  integer,
  list,
  mergeMetadata,
  metadata,
  oneOf,
  readParams,
  required,
  text,
} from "../api/params.js";
import { invalidRequest, noSuchObject, unexpectedState } from "../http/api-error.js";
import type { Route } from "../http/router.js";
import { attachPaymentMethod, choosePaymentMethod } from "../payment-methods/attachment.js";
import type { SandboxContext } from "../sandbox-context.js";
import { checkReturnUrl, confirmPaymentIntent } from "./confirmation.js";
import {
  CANCELLATION_REASONS,
  type PaymentIntent,
  type PaymentIntentStatus,
} from "./payment-intent.object.js";

const createParams = {
  amount: required(integer()),
  currency: required(text()),
  application_fee_amount: integer({ min: 0 }),
  automatic_payment_methods: hash({
    enabled: required(boolean()),
    allow_redirects: oneOf(["always", "never"]),
  }),
  capture_method: oneOf(["automatic", "automatic_async"]),
  confirm: boolean(),
  description: text({ maxLength: 1000 }),
  expand: list(text()),
  metadata: metadata(),
  payment_method: text(),
  // API version 2026-09-30.endive replaced `payment_method_types` here with this.
  allowed_payment_method_types: list(text()),
  receipt_email: text({ maxLength: 800 }),
  return_url: text({ maxLength: 2048 }),
  transfer_data: hash({ destination: required(text()) }),
  transfer_group: text(),
};

const updateParams = {
  description: text({ maxLength: 1000 }),
  metadata: metadata(),
  expand: list(text()),
};

const confirmParams = {
  payment_method: text(),
  return_url: text({ maxLength: 2048 }),
  expand: list(text()),
};

const cancelParams = {
  cancellation_reason: oneOf(CANCELLATION_REASONS),
  expand: list(text()),
};

const CANCELABLE: readonly PaymentIntentStatus[] = [
  "requires_payment_method",
  "requires_capture",
  "requires_confirmation",
  "requires_action",
  "processing",
];

/** The sandbox simulates cards only; another type would need flows (redirects, bank debits) it lacks. */
function checkPaymentMethodTypes(types: string[]): void {
  for (const [index, type] of types.entries())
    if (type !== "card")
      throw invalidRequest(
        `The payment method type "${type.slice(0, 50)}" is invalid or not supported by the Stripe sandbox, which simulates cards only.`,
        { param: `allowed_payment_method_types[${index}]` },
      );
}

export function paymentIntentRoutes(context: SandboxContext): Route[] {
  const { state, events } = context;

  /** A destination must be an account of this platform that can receive transfers (onboarded). */
  function checkDestination(destination: string): void {
    const param = "transfer_data[destination]";
    const account = state.accounts.get(destination);
    if (!account) throw noSuchObject("destination", destination, param);
    if (account.capabilities.transfers !== "active")
      throw invalidRequest(
        "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
        { code: "insufficient_capabilities_for_transfer", param },
      );
  }

  return [
    {
      method: "POST",
      path: "/v1/payment_intents",
      handle: ({ params, origin }) => {
        const sent = readParams(createParams, params);
        const currency = supportedCurrency(sent.currency);
        checkChargeAmount(sent.amount, currency);
        if (sent.allowed_payment_method_types) checkPaymentMethodTypes(sent.allowed_payment_method_types);
        if (sent.application_fee_amount !== undefined) {
          if (!sent.transfer_data)
            throw invalidRequest(
              "Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).",
              { param: "application_fee_amount" },
            );
          if (sent.application_fee_amount > sent.amount)
            throw invalidRequest(
              `The application fee (${formatAmount(sent.application_fee_amount, currency)}) cannot be greater than the amount (${formatAmount(sent.amount, currency)}).`,
              { param: "application_fee_amount" },
            );
        }
        if (sent.transfer_data) checkDestination(sent.transfer_data.destination);
        if (sent.return_url !== undefined && sent.confirm !== true)
          throw invalidRequest("You may only specify `return_url` when `confirm` is true.", {
            param: "return_url",
          });
        const choice =
          sent.payment_method === undefined ? undefined : choosePaymentMethod(state, sent.payment_method);
        // Since API version 2023-08-16, a PaymentIntent that does not restrict its payment method
        // types takes the account's automatic payment methods, redirect-based ones included.
        const automatic = sent.automatic_payment_methods
          ? {
              enabled: sent.automatic_payment_methods.enabled,
              allow_redirects: sent.automatic_payment_methods.allow_redirects ?? "always",
            }
          : sent.allowed_payment_method_types
            ? null
            : { enabled: true, allow_redirects: "always" as const };
        const allowed = sent.allowed_payment_method_types ?? null;
        // Refused before the PaymentIntent exists, as Stripe refuses the whole call.
        if (sent.confirm === true) checkReturnUrl(automatic, allowed, sent.return_url);

        const id = newId("paymentIntent");
        const intent: PaymentIntent = {
          id,
          object: "payment_intent",
          allowed_payment_method_types: allowed,
          amount: sent.amount,
          amount_capturable: 0,
          amount_received: 0,
          application: null,
          application_fee_amount: sent.application_fee_amount ?? null,
          automatic_payment_methods: automatic,
          canceled_at: null,
          cancellation_reason: null,
          capture_method: sent.capture_method ?? "automatic_async",
          client_secret: clientSecretFor(id),
          confirmation_method: "automatic",
          created: unixSeconds(),
          currency,
          customer: null,
          customer_account: null,
          description: sent.description || null,
          excluded_payment_method_types: null,
          last_payment_error: null,
          latest_charge: null,
          livemode: false,
          managed_payments: null,
          metadata: initialMetadata(sent.metadata),
          next_action: null,
          on_behalf_of: null,
          payment_method: null,
          payment_method_configuration_details: null,
          payment_method_options: {
            card: {
              installments: null,
              mandate_options: null,
              network: null,
              request_three_d_secure: "automatic",
            },
          },
          payment_method_types: ["card"],
          payment_record: null,
          processing: null,
          receipt_email: sent.receipt_email || null,
          review: null,
          setup_future_usage: null,
          shipping: null,
          source: null,
          statement_descriptor: null,
          statement_descriptor_suffix: null,
          status: "requires_payment_method",
          transfer_data: sent.transfer_data ? { destination: sent.transfer_data.destination } : null,
          transfer_group: sent.transfer_group || null,
        };
        if (choice) {
          intent.payment_method = attachPaymentMethod(state, choice).id;
          intent.status = "requires_confirmation";
        }
        state.paymentIntents.add(intent);
        events.emit("payment_intent.created", intent, { request: origin });
        if (sent.confirm === true)
          confirmPaymentIntent(
            context,
            intent,
            { ...(sent.return_url ? { returnUrl: sent.return_url } : {}) },
            origin,
          );
        return expanded(state, intent, sent.expand);
      },
    },
    {
      method: "GET",
      path: "/v1/payment_intents/:id",
      handle: ({ params, path }) => {
        const { expand } = readParams({ expand: list(text()), client_secret: text() }, params);
        return expanded(state, state.paymentIntents.require(path.id ?? ""), expand);
      },
    },
    {
      method: "POST",
      path: "/v1/payment_intents/:id",
      handle: ({ params, path }) => {
        const intent = state.paymentIntents.require(path.id ?? "");
        const sent = readParams(updateParams, params);
        if (sent.metadata !== undefined) intent.metadata = mergeMetadata(intent.metadata, sent.metadata);
        if (sent.description !== undefined) intent.description = sent.description || null;
        return expanded(state, intent, sent.expand);
      },
    },
    {
      method: "POST",
      path: "/v1/payment_intents/:id/confirm",
      handle: ({ params, path, origin }) => {
        const intent = state.paymentIntents.require(path.id ?? "");
        const sent = readParams(confirmParams, params);
        confirmPaymentIntent(
          context,
          intent,
          {
            ...(sent.payment_method !== undefined ? { paymentMethod: sent.payment_method } : {}),
            ...(sent.return_url !== undefined ? { returnUrl: sent.return_url } : {}),
          },
          origin,
        );
        return expanded(state, intent, sent.expand);
      },
    },
    {
      method: "POST",
      path: "/v1/payment_intents/:id/cancel",
      handle: ({ params, path, origin }) => {
        const intent = state.paymentIntents.require(path.id ?? "");
        const sent = readParams(cancelParams, params);
        if (!CANCELABLE.includes(intent.status))
          throw unexpectedState(
            "payment_intent_unexpected_state",
            `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`,
            { payment_intent: structuredClone(intent) },
          );
        intent.status = "canceled";
        intent.canceled_at = unixSeconds();
        intent.cancellation_reason = sent.cancellation_reason ?? null;
        events.emit("payment_intent.canceled", intent, { request: origin });
        return expanded(state, intent, sent.expand);
      },
    },
    {
      method: "GET",
      path: "/v1/payment_intents",
      handle: ({ params }) => {
        const query = readParams(PAGINATION_PARAMS, params);
        const page = pageOf(
          state.paymentIntents.newestFirst(),
          query,
          "/v1/payment_intents",
          "payment_intent",
        );
        return expanded(state, page, query.expand);
      },
    },
  ];
}
