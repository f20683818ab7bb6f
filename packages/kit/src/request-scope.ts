import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The header that names a request across the router, the subgraphs and their logs. */
export const REQUEST_ID_HEADER = "x-request-id";

/** An id a caller (or a proxy before us) may choose: short, and nothing a log line could be forged with. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The caller's request id when it is sane, else a fresh one. */
export function acceptRequestId(header: string | readonly string[] | undefined): string {
  return typeof header === "string" && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** What one request's logs, traces and error reports share while it is being served. */
export interface RequestScope {
  readonly requestId: string;
  /** The GraphQL operation's name, once known, for the access log. */
  operationName?: string | undefined;
  /** Who called (anonymous, person, partner, internal), once identified: never who exactly. */
  caller?: string | undefined;
}

/**
 * Scopes are found from the request object, not from the async call chain: AsyncLocalStorage on
 * Node 20 installs a promise hook that every promise of every request pays for.
 */
const byRequest = new WeakMap<IncomingMessage, RequestScope>();

/** The scope `requestScopeFor` opened for this request (the access log and the GraphQL context read it). */
export function requestScopeOf(req: IncomingMessage): RequestScope | undefined {
  return byRequest.get(req);
}

/**
 * Fixes the request's id (the caller's if sane, else a new one) and writes it back into the
 * request's headers, so every reader of the header downstream sees the same accepted id.
 */
export function requestScopeFor(req: IncomingMessage): RequestScope {
  const requestId = acceptRequestId(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = requestId;
  const scope: RequestScope = { requestId };
  byRequest.set(req, scope);
  return scope;
}
