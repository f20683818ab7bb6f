import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApolloServer, type BaseContext, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { reportUnexpectedError } from "./error-reporting.js";
import { serveTraced } from "./http-tracing.js";
import { REQUEST_ID_HEADER, requestScopeFor } from "./request-scope.js";

/** The largest request body a route reads unless it is given another limit. */
export const MAX_BODY_BYTES = 1_000_000;

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * A path's segments may hold only RFC 3986 path characters, and no percent-escapes at all: no route
 * of ours needs one, and an escape is how `%2e%2e`, `%2f` or `%5c` would slip past a prefix check
 * and be decoded into `..`, `/` or `\\` further on (by `new URL`, a file system, another server).
 */
const PLAIN_SEGMENT = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]+$/;

/**
 * Whether a request path is one our routes can name: absolute, no empty segment (`//`, a trailing
 * `/`), no `.` or `..` segment, nothing encoded. Anything else is refused before routing, so no
 * handler ever sees a path that means something else once normalised.
 */
export function isPlainPath(path: string): boolean {
  if (path === "/") return true;
  if (!path.startsWith("/")) return false;
  return path
    .slice(1)
    .split("/")
    .every((segment) => segment !== "." && segment !== ".." && PLAIN_SEGMENT.test(segment));
}

/**
 * The handler for a path: its exact route, else the nearest `<prefix>/*` route above it (so
 * `/media/*` serves `/media/a/b`). Exact paths always win; a path that is not plain has no route.
 */
export function routeFor(routes: Record<string, RouteHandler>, path: string): RouteHandler | undefined {
  if (!isPlainPath(path)) return undefined;
  const exact = routes[path];
  if (exact) return exact;
  for (let slash = path.lastIndexOf("/"); slash > 0; slash = path.lastIndexOf("/", slash - 1)) {
    const wildcard = routes[`${path.slice(0, slash)}/*`];
    if (wildcard) return wildcard;
  }
  return undefined;
}

export interface HttpServerTimeouts {
  /** A client must have sent all its request headers within this long, or it gets a 408 and is cut off. */
  headersTimeoutMs: number;
  /** ...and its whole request, body included, within this long. Resolvers' time does not count. */
  requestTimeoutMs: number;
}

/**
 * Node's defaults (60 s for headers, 300 s for a request) let a client that trickles bytes hold a
 * connection and its memory for minutes; ten connections a second are then enough to exhaust us.
 * The request deadline leaves room for the largest upload at about 60 KB/s. `HTTP_HEADERS_TIMEOUT_MS`
 * and `HTTP_REQUEST_TIMEOUT_MS` default to these.
 */
export const DEFAULT_HTTP_TIMEOUTS: HttpServerTimeouts = {
  headersTimeoutMs: 15_000,
  requestTimeoutMs: 120_000,
};

/** An HTTP server with a few routes (exact paths, or `<prefix>/*`); everything else is a 404. */
export function createHttpServer(
  routes: Record<string, RouteHandler>,
  timeouts: HttpServerTimeouts = DEFAULT_HTTP_TIMEOUTS,
): Server {
  const server = createServer(
    {
      headersTimeout: timeouts.headersTimeoutMs,
      requestTimeout: timeouts.requestTimeoutMs,
      // Node looks for overdue requests on this period (30 s by default): a deadline is only as
      // tight as the sweep. The sweep walks requests in progress only, so a short one costs little.
      connectionsCheckingInterval: Math.max(10, Math.min(timeouts.headersTimeoutMs / 4, 5_000)),
      // Keep-alive must outlive the router's pooled sockets, or a request can land on a closing
      // socket. The two deadlines above do not shorten it: Node applies them from a request's
      // first byte only, never to a connection idling between requests.
      keepAliveTimeout: 75_000,
    },
    (req, res) => {
      // Every answer names its request, so a caller can quote it and we can find its log lines.
      const scope = requestScopeFor(req);
      res.setHeader(REQUEST_ID_HEADER, scope.requestId);
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      const route = routeFor(routes, path);
      if (!route) {
        sendJson(res, 404, { error: "not found" });
        return;
      }
      const serve = () =>
        void Promise.resolve(route(req, res)).catch((error: unknown) => {
          reportUnexpectedError(error, { requestId: scope.requestId, service: undefined });
          if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
          else res.destroy(error instanceof Error ? error : undefined);
        });
      serveTraced(req, res, () => routeName(routes, route), scope.requestId, serve);
    },
  );
  return server;
}

/** The pattern a handler is registered under, to name spans by route rather than by raw path. */
function routeName(routes: Record<string, RouteHandler>, handler: RouteHandler): string {
  for (const [pattern, candidate] of Object.entries(routes)) if (candidate === handler) return pattern;
  return "unknown";
}

export async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    // An answer may echo what a caller sent; a browser must never read it as anything but JSON.
    "x-content-type-options": "nosniff",
  });
  res.end(text);
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The body's exact bytes, or null once it grows past `maxBytes` (reading stops there). Signed
 * payloads need these bytes untouched: nothing may parse or re-encode them first.
 */
export async function readRawBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readJsonBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  if (req.method !== "POST") return undefined;
  const raw = await readRawBody(req, maxBytes);
  if (raw === null) throw new BodyError(413, "request body too large");
  const text = raw.toString("utf8");
  const type = req.headers["content-type"] ?? "";
  if (!type.includes("json")) return text;
  try {
    return text.length === 0 ? undefined : JSON.parse(text);
  } catch {
    throw new BodyError(400, "request body is not valid JSON");
  }
}

/**
 * The JSON body of a POST to a plain (non-GraphQL) route. When the body is too large or not valid
 * JSON, the 413/400 answer is sent here and `undefined` returned: the route just returns then.
 * A body sent without a JSON content type comes back as its text, for the route to refuse.
 */
export async function readJsonBodyOrReply(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ body: unknown } | undefined> {
  try {
    return { body: await readJsonBody(req) };
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    sendJson(res, error.status, { error: error.message });
    return undefined;
  }
}

/** A GraphQL request answered before Apollo sees it: the HTTP status and the one error. */
export interface RequestRefusal {
  status: number;
  error: GraphQLFormattedError;
}

/** What a refusal check sees of a request: its parsed body (POST) and its query string (GET). */
export interface GraphQLRequestParts {
  body: unknown;
  search: string;
}

/**
 * Serves an Apollo Server over plain node:http, the way its framework integrations do.
 * `refuse` sees the request first and may answer it: Apollo offers no hook before it parses and
 * validates the query that can answer the request.
 */
export function graphqlRoute<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (req: IncomingMessage) => Promise<TContext>,
  maxBodyBytes = MAX_BODY_BYTES,
  refuse: (request: GraphQLRequestParts) => RequestRefusal | null = () => null,
): RouteHandler {
  return async (req, res) => {
    let body: unknown;
    try {
      body = await readJsonBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyError) {
        sendJson(res, error.status, {
          errors: [{ message: error.message, extensions: { code: "BAD_REQUEST" } }],
        });
        return;
      }
      throw error;
    }
    const search = new URL(req.url ?? "/", "http://localhost").search;
    const refused = refuse({ body, search });
    if (refused) {
      sendJson(res, refused.status, { errors: [refused.error] });
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: (req.method ?? "GET").toUpperCase(),
      headers,
      search,
      body,
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.setHeader("x-content-type-options", "nosniff");
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
