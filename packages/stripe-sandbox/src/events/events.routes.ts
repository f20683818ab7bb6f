import { expanded } from "../api/expand.js";
import { PAGINATION_PARAMS, pageOf } from "../api/lists.js";
import { list, readParams, text } from "../api/params.js";
import { retrieveRoute } from "../api/retrieve-route.js";
import type { Route } from "../http/router.js";
import type { SandboxContext } from "../sandbox-context.js";

const listParams = { ...PAGINATION_PARAMS, type: text(), types: list(text()) };

/** `type` may end in `*` (`charge.*`), as on Stripe; `types` lists several exact ones. */
function typeMatcher(type: string | undefined, types: string[] | undefined): (candidate: string) => boolean {
  if (type?.endsWith("*")) {
    const prefix = type.slice(0, -1);
    return (candidate) => candidate.startsWith(prefix);
  }
  if (type !== undefined) return (candidate) => candidate === type;
  if (types !== undefined) return (candidate) => types.includes(candidate);
  return () => true;
}

export function eventRoutes({ state }: SandboxContext): Route[] {
  return [
    retrieveRoute(state, "/v1/events/:id", state.events),
    {
      method: "GET",
      path: "/v1/events",
      handle: ({ params }) => {
        const query = readParams(listParams, params);
        const matches = typeMatcher(query.type, query.types);
        const matching = state.events.newestFirst().filter((event) => matches(event.type));
        return expanded(state, pageOf(matching, query, "/v1/events", "event"), query.expand);
      },
    },
  ];
}
