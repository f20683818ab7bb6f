import type { EventRequest } from "../events/event.object.js";
import type { FormObject } from "./form-decoding.js";

/** One API call as a handler sees it: decoded parameters, the path's ids, and who made it. */
export interface ApiRequest {
  params: FormObject;
  path: Record<string, string>;
  /** The request's id and idempotency key, which the events it causes carry. */
  origin: EventRequest;
}

export type Method = "GET" | "POST" | "DELETE";

/** An endpoint of the API (`/v1/…`): answers 200 with the object it returns, or throws an ApiError. */
export interface Route {
  method: Method;
  /** `/v1/payment_intents/:id/confirm`: `:name` segments become `request.path.name`. */
  path: string;
  handle(request: ApiRequest): object;
}

/** The values of a pattern's `:name` segments in `path`, or undefined when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const expected = pattern.split("/");
  const actual = path.split("/");
  if (expected.length !== actual.length) return undefined;
  const values: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    const value = actual[index] ?? "";
    if (segment.startsWith(":")) {
      if (value === "") return undefined;
      values[segment.slice(1)] = value;
    } else if (segment !== value) {
      return undefined;
    }
  }
  return values;
}

export function findRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; path: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const values = matchPath(route.path, path);
    if (values) return { route, path: values };
  }
  return undefined;
}

/** Who opened a page, as Stripe records it on the account (`tos_acceptance.ip`, `user_agent`). */
export interface Visitor {
  ip: string | null;
  userAgent: string | null;
}

/**
 * A page a person opens in a browser (outside `/v1`, no API key), such as an onboarding link.
 * It answers with where to send the browser next, or undefined for a link that does not exist.
 */
export interface PageRoute {
  path: string;
  visit(path: Record<string, string>, visitor: Visitor): { location: string } | undefined;
}
