import { expanded } from "../api/expand.js";
import { list, readParams, text } from "../api/params.js";
import type { Route } from "../http/router.js";
import type { SandboxContext } from "../sandbox-context.js";

/** PaymentMethods are made by confirmations from test tokens; they can be read back, not created. */
export function paymentMethodRoutes({ state }: SandboxContext): Route[] {
  return [
    {
      method: "GET",
      path: "/v1/payment_methods/:id",
      handle: ({ params, path }) => {
        const { expand } = readParams({ expand: list(text()) }, params);
        return expanded(state, state.paymentMethods.require(path.id ?? ""), expand);
      },
    },
  ];
}
