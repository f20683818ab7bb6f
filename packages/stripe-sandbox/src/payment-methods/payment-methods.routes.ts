import { retrieveRoute } from "../api/retrieve-route.js";
import type { Route } from "../http/router.js";
import type { SandboxContext } from "../sandbox-context.js";

/** PaymentMethods are made by confirmations from test tokens; they can be read back, not created. */
export function paymentMethodRoutes({ state }: SandboxContext): Route[] {
  return [retrieveRoute(state, "/v1/payment_methods/:id", state.paymentMethods)];
}
