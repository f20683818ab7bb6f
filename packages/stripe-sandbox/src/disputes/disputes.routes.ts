import { expanded } from "../api/expand.js";
import { list, readParams, text } from "../api/params.js";
import type { Route } from "../http/router.js";
import type { SandboxContext } from "../sandbox-context.js";

export function disputeRoutes({ state }: SandboxContext): Route[] {
  return [
    {
      method: "GET",
      path: "/v1/disputes/:id",
      handle: ({ params, path }) => {
        const { expand } = readParams({ expand: list(text()) }, params);
        return expanded(state, state.disputes.require(path.id ?? ""), expand);
      },
    },
  ];
}
