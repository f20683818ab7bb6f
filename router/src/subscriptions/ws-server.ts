import type { IncomingMessage, Server } from "node:http";
import type { Viewer } from "@venta/auth";
import { ErrorCode, type Logger } from "@venta/kit";
import { type LiveAreaArgs, parseArea } from "@venta/live";
import {
  type DocumentNode,
  type ExecutionArgs,
  type FieldNode,
  type FormattedExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  parse,
  subscribe,
  type ValidationRule,
  validate,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { pageSizeCostErrors } from "../security/page-size-cost.js";
import { formatLimitError, QUERY_TOO_COMPLEX } from "../security/query-limits.js";
import { liveFieldResolver } from "./live-schema.js";
import { type ForwardedRequest, type SubgraphPassthrough, UpstreamErrors } from "./subgraph-passthrough.js";
import { rootFieldName, type SubgraphEndpoint } from "./subscription-owners.js";

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
  /** Rate limits and operation policy for one new subscription; an error refuses it. */
  admit: (
    viewer: Viewer,
    request: IncomingMessage,
    query: string,
    document: DocumentNode,
  ) => Promise<GraphQLError | null>;
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
}

/**
 * graphql-ws on the router's `/graphql` path. Every subscription is checked before it starts, so a
 * bad one gets an `error` for that subscription only and the connection stays up.
 */
export function startSubscriptionServer(options: SubscriptionServerOptions) {
  const { schema, log } = options;
  const wsServer = new WebSocketServer({ server: options.httpServer, path: "/graphql" });
  const open = new WeakMap<object, Set<string>>();
  const viewers = new WeakMap<object, Viewer>();
  /** The execution arguments of forwarded subscriptions: graphql-ws hands the same object to `subscribe`. */
  const forwards = new WeakMap<ExecutionArgs, Forward>();
  const ownSubscriptions = schema.getSubscriptionType()?.getFields() ?? {};
  /** The subgraph a subscription goes to, or undefined when the router serves it itself. */
  const endpointOf = (args: ExecutionArgs): SubgraphEndpoint | null | undefined => {
    const operation = getOperationAST(args.document, args.operationName);
    const field = operation && rootFieldName(args.document, operation);
    if (!field || ownSubscriptions[field]?.subscribe) return undefined;
    return options.passthrough?.owners.get(field) ?? null;
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
          return false;
        }
      },
      onSubscribe: async (ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const ids = open.get(ctx.extra.socket) ?? new Set<string>();
        open.set(ctx.extra.socket, ids);
        if (ids.size >= options.maxSubscriptionsPerConnection) {
          return [
            new GraphQLError(
              `at most ${options.maxSubscriptionsPerConnection} subscriptions per connection`,
              {
                extensions: { code: "TOO_MANY_SUBSCRIPTIONS" },
              },
            ),
          ];
        }
        const prepared = prepare(
          schema,
          options,
          payload.query,
          payload.operationName ?? undefined,
          payload.variables ?? {},
        );
        if (Array.isArray(prepared)) return prepared;
        const viewer = viewers.get(ctx.extra.socket);
        if (!viewer) return [new GraphQLError("the connection is not initialised")];
        // Held before admission is awaited, so subscriptions sent together cannot all pass the limit.
        ids.add(id);
        const refused = await options.admit(viewer, ctx.extra.request, payload.query, prepared.document);
        if (refused) {
          ids.delete(id);
          return [refused];
        }
        const endpoint = endpointOf(prepared);
        if (endpoint === null) {
          ids.delete(id);
          return [
            new GraphQLError("no service serves this subscription", {
              extensions: { code: ErrorCode.ServiceUnavailable },
            }),
          ];
        }
        if (endpoint) {
          forwards.set(prepared, {
            socket: ctx.extra.socket,
            viewer,
            endpoint,
            request: {
              query: payload.query,
              variables: payload.variables ?? {},
              operationName: payload.operationName ?? undefined,
            },
          });
        }
        return prepared as ExecutionArgs;
      },
      subscribe: (args) => {
        const forward = forwards.get(args);
        if (!forward || !options.passthrough) return subscribe(args);
        // The subgraph's results are already formatted for clients: `onNext` passes them on as they are.
        return options.passthrough.forwarder.forward(
          forward.socket,
          forward.viewer,
          forward.endpoint,
          forward.request,
        ) as unknown as ReturnType<typeof subscribe>;
      },
      onNext: (_ctx, _id, _payload, args, result) =>
        forwards.has(args) ? (result as unknown as FormattedExecutionResult) : undefined,
      onComplete: (ctx, id) => {
        open.get(ctx.extra.socket)?.delete(id);
      },
      onError: (_ctx, id, _payload, errors) => {
        const upstream = errors[0]?.originalError;
        if (upstream instanceof UpstreamErrors) return upstream.errors;
        log.debug({ id, errors: errors.map((e) => e.message) }, "subscription refused");
        return undefined;
      },
      onClose: async (ctx) => {
        await options.passthrough?.forwarder.release(ctx.extra.socket);
      },
    },
    wsServer,
    options.keepAliveMs,
  );
  return {
    async close() {
      await disposable.dispose();
      wsServer.close();
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
    return [coded(error)];
  }
  const invalid = validate(schema, document, limits.validationRules);
  if (invalid.length > 0) {
    return invalid.map(coded);
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
  if (costly.length > 0) return costly.map(coded);
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

/** A broken query limit gets its own code here too, as on HTTP. */
function coded(error: GraphQLError): GraphQLError {
  const formatted = formatLimitError(error.toJSON());
  return formatted.extensions?.code === QUERY_TOO_COMPLEX
    ? new GraphQLError(formatted.message, { extensions: formatted.extensions })
    : error;
}
