import { retrieveRoute } from "../api/retrieve-route.js";
import type { Route } from "../http/router.js";
import type { SandboxContext } from "../sandbox-context.js";

export function disputeRoutes({ state }: SandboxContext): Route[] {
  return [retrieveRoute(state, "/v1/disputes/:id", state.disputes)];
}
