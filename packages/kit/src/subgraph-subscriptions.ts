import type { Server } from "node:http";
import { IDENTITY_HEADER, type InternalIdentity, type Viewer } from "@venta/auth";
import type { GraphQLError, GraphQLFormattedError, GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import { WebSocketServer } from "ws";
import { createErrorFormatter, isClientError, logUnexpectedError } from "./errors.js";
import { liveMetrics } from "./metrics/live-metrics.js";
import { trackLiveSockets } from "./metrics/live-sockets.js";
import type { RequestContext } from "./request-context.js";
import { acceptRequestId, REQUEST_ID_HEADER, requestScopeFor } from "./request-scope.js";
import { logSocketErrorsQuietly } from "./socket-errors.js";

/** What the router sends in `connection_init` when it forwards a client's subscriptions. */
export interface SubgraphConnectionParams {
  /** The caller's identity, signed by the router exactly as in the HTTP header of the same name. */
  [IDENTITY_HEADER]: string;
  "x-request-id"?: string;
}

export interface SubgraphSubscriptionOptions<TContext> {
  /** The subgraph's name, as its metrics label it. */
  service: string;
  httpServer: Server;
  schema: GraphQLSchema;
  log: Logger;
  identity: InternalIdentity;
  /** The same per-request context HTTP operations get, built once per subscription. */
  createContext: (base: RequestContext) => TContext;
  /** A socket that has not sent `connection_init` by then is closed. */
  connectionInitTimeoutMs?: number;
  /** The clients' limit at the router (`WS_MAX_MESSAGE_BYTES`); a larger message closes its socket with 1009 unread. */
  maxMessageBytes: number;
}

/**
 * The router forwards its clients' subscribe messages, each within the same limit, under ids of its
 * own (a UUID): room for that, so a message the router accepted is never refused here.
 */
const FORWARDING_ALLOWANCE = 1024;

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/**
 * graphql-ws on the subgraph's `/graphql`, for the router only: a socket must open with the
 * router's signed identity in `connection_init`, or it is closed with 4403 before any operation
 * (unless the identity accepts unsigned callers, in development).
 * Errors leave the way they leave over HTTP: client errors keep their code, anything else becomes
 * a generic internal error. A subscription's context lives as long as the subscription, so the
 * loaders in it should only serve its own subscribe-time checks.
 */
export function serveSubgraphSubscriptions<TContext extends RequestContext>(
  options: SubgraphSubscriptionOptions<TContext>,
) {
  const { log } = options;
  const formatError = createErrorFormatter(log);
  const callers = new WeakMap<object, { viewer: Viewer; requestId: string }>();
  // The socket's request id goes into the unexpected-error log as it does over HTTP.
  const format = (socket: object, errors: readonly GraphQLError[]): GraphQLFormattedError[] => {
    const requestId = callers.get(socket)?.requestId;
    for (const error of errors)
      if (!isClientError(error)) logUnexpectedError(log, error, requestId, error.path);
    return errors.map((error) => formatError(error.toJSON(), error));
  };
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: "/graphql",
    maxPayload: options.maxMessageBytes + FORWARDING_ALLOWANCE,
  });
  // The upgrade's answer names its request id, as every HTTP answer does.
  wsServer.on("headers", (headers, request) =>
    headers.push(`${REQUEST_ID_HEADER}: ${requestScopeFor(request).requestId}`),
  );
  const live = trackLiveSockets(wsServer, liveMetrics(options.service));

  const disposable = useServer(
    {
      schema: options.schema,
      connectionInitWaitTimeout: options.connectionInitTimeoutMs ?? 5_000,
      onConnect: async (ctx) => {
        // The same check as over HTTP: no signature is refused too, unless the subgraph runs alone in development.
        try {
          const viewer = await options.identity.verify(text(ctx.connectionParams?.[IDENTITY_HEADER]));
          callers.set(ctx.extra.socket, {
            viewer,
            requestId: acceptRequestId(text(ctx.connectionParams?.["x-request-id"])),
          });
          return true;
        } catch {
          log.warn("subscription socket without an identity the router signed refused");
          return false;
        }
      },
      context: (ctx) => {
        const caller = callers.get(ctx.extra.socket);
        if (!caller) throw new Error("subscription on a socket that was never identified");
        const { requestId } = caller;
        return options.createContext({ requestId, log: log.child({ requestId }), viewer: caller.viewer }) as
          // graphql-ws types the context as a plain record; ours is the subgraph's own context object.
          Record<string, unknown>;
      },
      onOperation: (ctx, id) => {
        live.started(ctx.extra.socket, id);
      },
      onComplete: (ctx, id) => {
        live.ended(ctx.extra.socket, id);
      },
      onNext: (ctx, _id, _payload, _args, result) => {
        if (!result.errors) return undefined;
        const { errors, ...rest } = result;
        return { ...rest, errors: format(ctx.extra.socket, errors) };
      },
      onError: (ctx, _id, _payload, errors) => format(ctx.extra.socket, errors),
    },
    wsServer,
  );
  logSocketErrorsQuietly(wsServer, log);
  return {
    /** Ends every subscription (their sockets close with 1001) and stops accepting new ones. */
    close: () => disposable.dispose(),
  };
}
