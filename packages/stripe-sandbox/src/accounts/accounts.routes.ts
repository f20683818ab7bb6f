import { expanded } from "../api/expand.js";
import { newId, unixSeconds } from "../api/ids.js";
import { PAGINATION_PARAMS, pageOf } from "../api/lists.js";
import {
  boolean,
  hash,
  initialMetadata,
  list,
  mergeMetadata,
  metadata,
  oneOf,
  readParams,
  required,
  text,
} from "../api/params.js";
import { retrieveRoute } from "../api/retrieve-route.js";
import { invalidRequest } from "../http/api-error.js";
import type { Route } from "../http/router.js";
import type { SandboxContext } from "../sandbox-context.js";
import {
  ACCOUNT_TYPES,
  type Account,
  CAPABILITIES,
  capabilitiesIn,
  requirementsBeforeOnboarding,
} from "./account.object.js";

/** The countries connected accounts may be in here, with the currency each one settles in. */
const DEFAULT_CURRENCIES: Record<string, string> = {
  US: "usd",
  CA: "cad",
  MX: "mxn",
  GB: "gbp",
  AU: "aud",
  DE: "eur",
  ES: "eur",
  FR: "eur",
  IE: "eur",
  IT: "eur",
  NL: "eur",
};

const capabilityRequest = hash({ requested: required(boolean()) });

const createParams = {
  type: required(oneOf(ACCOUNT_TYPES)),
  country: text(),
  email: text({ maxLength: 800 }),
  business_type: oneOf(["individual", "company", "non_profit", "government_entity"]),
  capabilities: hash({ card_payments: capabilityRequest, transfers: capabilityRequest }),
  metadata: metadata(),
  expand: list(text()),
};

const updateParams = {
  email: text({ maxLength: 800 }),
  metadata: metadata(),
  expand: list(text()),
};

function countryOf(sent: string | undefined): { country: string; currency: string } {
  const country = (sent ?? "US").toUpperCase();
  const currency = DEFAULT_CURRENCIES[country];
  if (!currency)
    throw invalidRequest(
      `Country '${country.slice(0, 10)}' is unknown or not supported by the Stripe sandbox. Supported: ${Object.keys(DEFAULT_CURRENCIES).join(", ")}.`,
      { param: "country" },
    );
  return { country, currency };
}

export function accountRoutes({ state, events }: SandboxContext): Route[] {
  return [
    {
      method: "POST",
      path: "/v1/accounts",
      handle: ({ params }) => {
        const sent = readParams(createParams, params);
        const { country, currency } = countryOf(sent.country);
        // Without an explicit request, an account gets what a marketplace's accounts need: to be
        // paid through destination charges (transfers) and to take cards.
        const requested = sent.capabilities
          ? CAPABILITIES.filter((name) => sent.capabilities?.[name]?.requested === true)
          : [...CAPABILITIES];
        const account = state.accounts.add({
          id: newId("account"),
          object: "account",
          business_type: sent.business_type ?? null,
          capabilities: capabilitiesIn(requested, "inactive"),
          charges_enabled: false,
          country,
          created: unixSeconds(),
          default_currency: currency,
          details_submitted: false,
          email: sent.email || null,
          metadata: initialMetadata(sent.metadata),
          payouts_enabled: false,
          requirements: requirementsBeforeOnboarding(),
          tos_acceptance: { date: null, ip: null, user_agent: null },
          type: sent.type,
        });
        return expanded(state, account, sent.expand);
      },
    },
    retrieveRoute(state, "/v1/accounts/:id", state.accounts),
    {
      method: "POST",
      path: "/v1/accounts/:id",
      handle: ({ params, path, origin }) => {
        const account = state.accounts.require(path.id ?? "");
        const sent = readParams(updateParams, params);
        const previous: Partial<Account> = {};
        if (sent.metadata !== undefined) {
          previous.metadata = account.metadata;
          account.metadata = mergeMetadata(account.metadata, sent.metadata);
        }
        if (sent.email !== undefined) {
          previous.email = account.email;
          account.email = sent.email || null;
        }
        if (Object.keys(previous).length > 0)
          events.emit("account.updated", account, {
            request: origin,
            previousAttributes: previous,
            account: account.id,
          });
        return expanded(state, account, sent.expand);
      },
    },
    {
      method: "GET",
      path: "/v1/accounts",
      handle: ({ params }) => {
        const query = readParams(PAGINATION_PARAMS, params);
        return expanded(
          state,
          pageOf(state.accounts.newestFirst(), query, "/v1/accounts", "account"),
          query.expand,
        );
      },
    },
  ];
}
