import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { anonymous, type Viewer } from "@venta/auth";
import {
  ErrorCode,
  type Logger,
  liveMetrics,
  logSocketErrorsQuietly,
  REQUEST_ID_HEADER,
  requestScopeFor,
  requestScopeOf,
  trackLiveSockets,
} from "@venta/kit";
import { type LiveAreaArgs, parseArea } from "@venta/live";
import {
  type ExecutionArgs,
  type FieldNode,
  type FormattedExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  parse,
  type ValidationRule,
  validate,
} from "graphql";
import { CloseCode } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { type WebSocket, WebSocketServer } from "ws";
import { countRateLimitRefusal } from "../metrics/router-metrics.js";
import type { SubscriptionAdmission } from "../security/admission.js";
import { type OperationSizeLimits, oversizedOperation } from "../security/operation-size.js";
import { pageSizeCostErrors } from "../security/page-size-cost.js";
import { formatLimitError, QUERY_TOO_COMPLEX } from "../security/query-limits.js";
import { LiveFanout } from "./live-fanout.js";
import { observeSocketWrite } from "./live-latency.js";
import { liveFieldResolver } from "./live-schema.js";
import { refuseUpgrade, type SocketLimits, SocketQuota, upgradePath } from "./socket-quota.js";
import { type ForwardedRequest, type SubgraphPassthrough, UpstreamErrors } from "./subgraph-passthrough.js";
import { rootFieldName, type SubgraphEndpoint } from "./subscription-owners.js";
import { corkForThisTurn } from "./turn-corked-writes.js";

export interface SubscriptionServerOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  log: Logger;
  maxSubscriptionsPerConnection: number;
  connectionInitTimeoutMs: number;
  keepAliveMs: number;
  /** Who opened the socket, from the `connection_init` payload; throwing refuses it (close 4403). */
  identify: (
    params: Readonly<Record<string, unknown>> | undefined,
    request: IncomingMessage,
  ) => Promise<Viewer>;
  /** Rate limits, operation policy and error hints; bad credentials are charged to anonymous. */
  admission: SubscriptionAdmission;
  /** The client's address, the key of the per-address socket limit. */
  addressOf: (request: IncomingMessage) => string;
  sockets: SocketLimits;
  /** Checked on the raw message, before the subscription is parsed. */
  sizeLimits: OperationSizeLimits;
  /** The router's validation rules (GraphQL's own plus its query limits). */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  maxCost: number;
  /**
   * Subscriptions the router does not serve itself go to the subgraph owning their root field;
   * without this, only the router's own subscriptions run.
   */
  passthrough?: { owners: ReadonlyMap<string, SubgraphEndpoint>; forwarder: SubgraphPassthrough };
}

interface Forward {
  socket: object;
  viewer: Viewer;
  endpoint: SubgraphEndpoint;
  request: ForwardedRequest;
  /** The client socket's request id (its upgrade request's, if sane), carried to the subgraph. */
  requestId: string;
}

/**
 * A socket whose subscriptions keep being refused (malformed, over a limit, over budget) is closed
 * after this many in a row: a working app gets a refusal now and then, a scanner gets them all.
 */
const MAX_REFUSALS_IN_A_ROW = 10;

/**
 * graphql-ws on the router's `/graphql` path. Sockets are counted against their address's and the
 * server's limits before the handshake; each subscription is charged to its caller's budget, then
 * checked for size, then parsed and checked before it starts. A bad one gets an `error` for that
 * subscription only and the connection stays up, until too many in a row close it.
 */
export function startSubscriptionServer(options: SubscriptionServerOptions) {
  const { schema, log, admission } = options;
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: options.sockets.maxMessageBytes });
  const quota = new SocketQuota(options.sockets);
  const onUpgrade = (request: IncomingMessage, connection: Duplex, head: Buffer) => {
    // Node hands an upgrading socket over without an error listener: a client resetting it while
    // it is refused would raise an unhandled error and take the router down.
    connection.on("error", () => connection.destroy());
    // The upgrade's answer names the socket's request id, as every HTTP answer does.
    const { requestId } = requestScopeFor(request);
    if (upgradePath(request) !== "/graphql") {
      refuseUpgrade(connection, 404, "subscriptions are served on /graphql", "NOT_FOUND", requestId);
      return;
    }
    const refused = quota.admit(options.addressOf(request), connection);
    if (refused) {
      log.debug({ status: refused.status }, "subscription socket refused");
      countRateLimitRefusal("anonymous", refused.status === 429 ? "sockets_per_address" : "sockets_total");
      refuseUpgrade(
        connection,
        refused.status,
        refused.message,
        refused.status === 429 ? ErrorCode.RateLimited : ErrorCode.ServiceUnavailable,
        requestId,
      );
      return;
    }
    wsServer.handleUpgrade(request, connection, head, (socket) =>
      wsServer.emit("connection", socket, request),
    );
  };
  options.httpServer.on("upgrade", onUpgrade);
  wsServer.on("headers", (headers, request) => {
    const requestId = requestScopeOf(request)?.requestId;
    if (requestId) headers.push(`${REQUEST_ID_HEADER}: ${requestId}`);
  });
  const live = trackLiveSockets(wsServer, liveMetrics("router"));
  const open = new WeakMap<object, Set<string>>();
  const viewers = new WeakMap<object, Viewer>();
  const refusalsInARow = new WeakMap<object, number>();
  /**
   * One id per client socket, its upgrade's (fixed as the upgrade arrived), so its forwarded
   * subscriptions' log lines can be found together.
   */
  const socketRequestId = (request: IncomingMessage): string =>
    (requestScopeOf(request) ?? requestScopeFor(request)).requestId;
  /** The execution arguments of forwarded subscriptions: graphql-ws hands the same object to `subscribe`. */
  const forwards = new WeakMap<ExecutionArgs, Forward>();
  /** The router's own subscriptions, executed once per group of alike subscribers and event. */
  const fanout = new LiveFanout();
  const ownSubscriptions = schema.getSubscriptionType()?.getFields() ?? {};
  /** The subgraph a subscription goes to, or undefined when the router serves it itself. */
  const endpointOf = (args: ExecutionArgs): SubgraphEndpoint | null | undefined => {
    const operation = getOperationAST(args.document, args.operationName);
    const field = operation && rootFieldName(args.document, operation);
    if (!field || ownSubscriptions[field]?.subscribe) return undefined;
    return options.passthrough?.owners.get(field) ?? null;
  };
  /** The errors refusing one subscription; the socket goes too when it refuses nothing else. */
  const refuse = (socket: WebSocket, errors: readonly GraphQLError[]): readonly GraphQLError[] => {
    const refusals = (refusalsInARow.get(socket) ?? 0) + 1;
    refusalsInARow.set(socket, refusals);
    if (refusals >= MAX_REFUSALS_IN_A_ROW)
      socket.close(CloseCode.BadRequest, "too many refused subscriptions");
    return errors;
  };

  // biome-ignore lint/correctness/useHookAtTopLevel: graphql-ws's useServer is not a React hook.
  const disposable = useServer(
    {
      schema,
      connectionInitWaitTimeout: options.connectionInitTimeoutMs,
      onConnect: async (ctx) => {
        try {
          viewers.set(ctx.extra.socket, await options.identify(ctx.connectionParams, ctx.extra.request));
          return true;
        } catch (error) {
          log.debug({ err: (error as Error).message }, "subscription connection refused");
          // As on HTTP: a failed sign-in draws on the address's budget, so keys cannot be guessed at speed.
          await admission.charge(anonymous, ctx.extra.request);
          return false;
        }
      },
      onSubscribe: async (ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const { socket, request } = ctx.extra;
        const viewer = viewers.get(socket);
        if (!viewer) return [new GraphQLError("the connection is not initialised")];
        const overBudget = await admission.charge(viewer, request);
        if (overBudget) return refuse(socket, [overBudget]);
        const deleted = await admission.signedOut(viewer);
        if (deleted) {
          // The socket speaks for an account that no longer exists: nothing more runs on it.
          socket.close(CloseCode.Forbidden, "this account has been deleted");
          return [deleted];
        }
        // Nothing below awaits: subscriptions sent together cannot all pass the per-socket limit.
        const ids = open.get(socket) ?? new Set<string>();
        open.set(socket, ids);
        if (ids.size >= options.maxSubscriptionsPerConnection) {
          return refuse(socket, [
            new GraphQLError(
              `at most ${options.maxSubscriptionsPerConnection} subscriptions per connection`,
              {
                extensions: { code: "TOO_MANY_SUBSCRIPTIONS" },
              },
            ),
          ]);
        }
        const variables = payload.variables ?? {};
        const oversized = oversizedOperation(options.sizeLimits, payload.query, variables);
        if (oversized) return refuse(socket, [oversized]);
        const untrusted = admission.permitSource(viewer, payload.query);
        if (untrusted) return refuse(socket, [untrusted]);
        const prepared = prepare(
          schema,
          options,
          payload.query,
          payload.operationName ?? undefined,
          variables,
        );
        if (Array.isArray(prepared)) return refuse(socket, prepared);
        const refused = admission.permit(viewer, payload.query, prepared.document);
        if (refused) return refuse(socket, [refused]);
        const endpoint = endpointOf(prepared);
        if (endpoint === null) {
          return refuse(socket, [
            new GraphQLError("no service serves this subscription", {
              extensions: { code: ErrorCode.ServiceUnavailable },
            }),
          ]);
        }
        if (endpoint) {
          forwards.set(prepared, {
            socket,
            viewer,
            endpoint,
            request: {
              query: payload.query,
              variables,
              operationName: payload.operationName ?? undefined,
            },
            requestId: socketRequestId(request),
          });
        }
        ids.add(id);
        refusalsInARow.delete(socket);
        return prepared as ExecutionArgs;
      },
      subscribe: (args) => {
        const forward = forwards.get(args);
        // Live events are executed without the subscriber's identity (the vendor loader reads the
        // supergraph as anonymous), so every viewer's result is the same and the rights part of
        // the group key is one value for all. Were the selection ever run as the subscriber, its
        // identity would have to go here.
        if (!forward || !options.passthrough) return fanout.subscribe(args, "anonymous");
        // The subgraph's results are already formatted for clients: `onNext` passes them on as they are.
        return options.passthrough.forwarder.forward(
          forward.socket,
          forward.viewer,
          forward.endpoint,
          forward.request,
          forward.requestId,
        ) as unknown as ReturnType<typeof fanout.subscribe>;
      },
      onNext: (ctx, _id, _payload, args, result) => {
        // The upgrade request's socket is the connection the frame is about to be written to.
        corkForThisTurn(ctx.extra.request.socket);
        if (forwards.has(args)) return result as unknown as FormattedExecutionResult;
        observeSocketWrite(result);
        return fanout.format(result);
      },
      onOperation: (ctx, id) => {
        live.started(ctx.extra.socket, id);
      },
      onComplete: (ctx, id) => {
        open.get(ctx.extra.socket)?.delete(id);
        live.ended(ctx.extra.socket, id);
      },
      onError: (ctx, id, _payload, errors) => {
        const upstream = errors[0]?.originalError;
        const formatted =
          upstream instanceof UpstreamErrors ? upstream.errors : errors.map((e) => e.toJSON());
        if (!(upstream instanceof UpstreamErrors))
          log.debug({ id, errors: errors.map((e) => e.message) }, "subscription refused");
        return admission.errorsFor(viewers.get(ctx.extra.socket) ?? anonymous, formatted);
      },
      onClose: async (ctx) => {
        await options.passthrough?.forwarder.release(ctx.extra.socket);
      },
    },
    wsServer,
    options.keepAliveMs,
  );
  logSocketErrorsQuietly(wsServer, log);
  return {
    async close() {
      options.httpServer.off("upgrade", onUpgrade);
      await disposable.dispose();
    },
  };
}

/** Parses, validates and checks the area of a subscription; errors come back as a list. */
function prepare(
  schema: GraphQLSchema,
  limits: Pick<SubscriptionServerOptions, "validationRules" | "maxTokens" | "maxCost">,
  query: string,
  operationName: string | undefined,
  rawVariables: Record<string, unknown>,
): ExecutionArgs | GraphQLError[] {
  let document: ReturnType<typeof parse>;
  try {
    document = parse(query, { maxTokens: limits.maxTokens });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return [coded(error, "GRAPHQL_PARSE_FAILED")];
  }
  const invalid = validate(schema, document, limits.validationRules);
  if (invalid.length > 0) {
    return invalid.map((error) => coded(error, "GRAPHQL_VALIDATION_FAILED"));
  }
  const operation = getOperationAST(document, operationName);
  if (!operation)
    return [new GraphQLError("name the operation to run", { extensions: { code: ErrorCode.BadUserInput } })];
  if (operation.operation !== "subscription") {
    return [
      new GraphQLError("send queries and mutations over HTTP; this socket carries subscriptions", {
        extensions: { code: ErrorCode.BadUserInput },
      }),
    ];
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors)
    return coerced.errors.map(
      (e) => new GraphQLError(e.message, { extensions: { code: ErrorCode.BadUserInput } }),
    );
  const costly = pageSizeCostErrors(schema, document, coerced.coerced, limits.maxCost);
  if (costly.length > 0) return costly.map((error) => coded(error, QUERY_TOO_COMPLEX));
  const subscriptionField = schema.getSubscriptionType()?.getFields().vendorLocationUpdated;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== "Field" || selection.name.value !== "vendorLocationUpdated" || !subscriptionField)
      continue;
    try {
      parseArea(
        getArgumentValues(subscriptionField, selection as FieldNode, coerced.coerced) as LiveAreaArgs,
      );
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
  }
  return {
    schema,
    document,
    operationName,
    variableValues: coerced.coerced,
    fieldResolver: liveFieldResolver,
    subscribeFieldResolver: undefined,
  };
}

/**
 * The code the same error gets over HTTP: a broken query limit its own, a syntax or schema error
 * Apollo's `GRAPHQL_PARSE_FAILED` or `GRAPHQL_VALIDATION_FAILED`.
 */
function coded(error: GraphQLError, code: string): GraphQLError {
  const formatted = formatLimitError(error.toJSON());
  if (formatted.extensions?.code === QUERY_TOO_COMPLEX)
    return new GraphQLError(formatted.message, { extensions: formatted.extensions });
  if (typeof error.extensions.code === "string") return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}
