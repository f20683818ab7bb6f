import type { Server } from "node:http";
import { ErrorCode, type Logger } from "@venta/kit";
import { type LiveAreaArgs, parseArea } from "@venta/live";
import {
  type ExecutionArgs,
  type FieldNode,
  GraphQLError,
  type GraphQLSchema,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  parse,
  validate,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { liveFieldResolver } from "./live-schema.js";

export interface SubscriptionServerOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  log: Logger;
  maxSubscriptionsPerConnection: number;
  connectionInitTimeoutMs: number;
  keepAliveMs: number;
}

/**
 * graphql-ws on the router's `/graphql` path. Every subscription is checked before it starts, so a
 * bad one gets an `error` for that subscription only and the connection stays up.
 */
export function startSubscriptionServer(options: SubscriptionServerOptions) {
  const { schema, log } = options;
  const wsServer = new WebSocketServer({ server: options.httpServer, path: "/graphql" });
  const open = new WeakMap<object, Set<string>>();

  const disposable = useServer(
    {
      schema,
      connectionInitWaitTimeout: options.connectionInitTimeoutMs,
      onSubscribe: (ctx, id, payload): ExecutionArgs | readonly GraphQLError[] => {
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
          payload.query,
          payload.operationName ?? undefined,
          payload.variables ?? {},
        );
        if (Array.isArray(prepared)) return prepared;
        ids.add(id);
        return prepared as ExecutionArgs;
      },
      onComplete: (ctx, id) => {
        open.get(ctx.extra.socket)?.delete(id);
      },
      onError: (_ctx, id, _payload, errors) => {
        log.debug({ id, errors: errors.map((e) => e.message) }, "subscription refused");
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
  query: string,
  operationName: string | undefined,
  rawVariables: Record<string, unknown>,
): ExecutionArgs | GraphQLError[] {
  let document: ReturnType<typeof parse>;
  try {
    document = parse(query);
  } catch (error) {
    return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return [...invalid];
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
