import type { Route } from "../http/router.js";
import type { Collection, SandboxState } from "../state.js";
import { expanded } from "./expand.js";
import { list, readParams, text } from "./params.js";

/**
 * `GET /v1/<objects>/:id`, as every resource answers it: the object with whatever `expand` names,
 * or Stripe's 404 "No such <object>".
 */
export function retrieveRoute<T extends { id: string }>(
  state: SandboxState,
  path: string,
  objects: Collection<T>,
): Route {
  return {
    method: "GET",
    path,
    handle: ({ params, path: ids }) => {
      const { expand } = readParams({ expand: list(text()) }, params);
      return expanded(state, objects.require(ids.id ?? ""), expand);
    },
  };
}
