import { supportedCurrency } from "../api/currencies.js";
import { expanded } from "../api/expand.js";
import { PAGINATION_PARAMS, pageOf } from "../api/lists.js";
import { readParams, text } from "../api/params.js";
import { retrieveRoute } from "../api/retrieve-route.js";
import type { Route } from "../http/router.js";
import type { SandboxContext } from "../sandbox-context.js";

const listParams = {
  ...PAGINATION_PARAMS,
  type: text(),
  source: text(),
  currency: text(),
};

export function balanceTransactionRoutes({ state }: SandboxContext): Route[] {
  return [
    {
      method: "GET",
      path: "/v1/balance_transactions",
      handle: ({ params }) => {
        const query = readParams(listParams, params);
        const currency = query.currency === undefined ? undefined : supportedCurrency(query.currency);
        const matching = state.balanceTransactions
          .newestFirst()
          .filter(
            (transaction) =>
              (query.type === undefined || transaction.type === query.type) &&
              (query.source === undefined || transaction.source === query.source) &&
              (currency === undefined || transaction.currency === currency),
          );
        const page = pageOf(matching, query, "/v1/balance_transactions", "balance_transaction");
        return expanded(state, page, query.expand);
      },
    },
    retrieveRoute(state, "/v1/balance_transactions/:id", state.balanceTransactions),
  ];
}
