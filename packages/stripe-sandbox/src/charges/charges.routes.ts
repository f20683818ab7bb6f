import { expanded } from "../api/expand.js";
import { PAGINATION_PARAMS, pageOf } from "../api/lists.js";
import { readParams, text } from "../api/params.js";
import { retrieveRoute } from "../api/retrieve-route.js";
import type { Route } from "../http/router.js";
import type { SandboxContext } from "../sandbox-context.js";

const listParams = { ...PAGINATION_PARAMS, payment_intent: text() };

/** Charges are made by confirming PaymentIntents; here they are read. */
export function chargeRoutes({ state }: SandboxContext): Route[] {
  return [
    retrieveRoute(state, "/v1/charges/:id", state.charges),
    {
      method: "GET",
      path: "/v1/charges",
      handle: ({ params }) => {
        const query = readParams(listParams, params);
        const matching = state.charges
          .newestFirst()
          .filter(
            (charge) => query.payment_intent === undefined || charge.payment_intent === query.payment_intent,
          );
        return expanded(state, pageOf(matching, query, "/v1/charges", "charge"), query.expand);
      },
    },
  ];
}
