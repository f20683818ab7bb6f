import type { ApolloGateway } from "@apollo/gateway";
// The request kind is part of the data source's contract but not re-exported from the package root.
import { GraphQLDataSourceRequestKind } from "@apollo/gateway/dist/datasources/types.js";
import type {
  GatewayExecutionResult,
  GatewayGraphQLRequestContext,
  GatewayInterface,
} from "@apollo/server-gateway-interface";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { tracingStarted } from "@venta/kit";
import { GraphQLError, type GraphQLFormattedError, getVariableValues } from "graphql";
import { countSingleFetch } from "../metrics/router-metrics.js";
import type { SingleFetch, SingleFetchPlans } from "./single-fetch-plans.js";

const tracer = trace.getTracer("@venta/router");

/**
 * The gateway, with single-fetch operations answered the short way: the router checks the
 * variables, sends the planner's fetch to its subgraph through the same data source (signed
 * identity, request id, trace context, timeouts, metrics), and returns the subgraph's answer with
 * its errors marked as the gateway marks them. Everything else, and every document's first
 * request, goes through the gateway unchanged. What it skips is per-request work whose result is
 * the same each time: re-reading the operation against the schema and reshaping an answer that
 * already has the operation's shape.
 */
export function withSingleFetches(gateway: ApolloGateway, plans: SingleFetchPlans): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) =>
      gateway.onSchemaLoadOrUpdate((schema) => {
        plans.forget();
        callback(schema);
      }),
    stop: () => gateway.stop(),
    load: async (options) => {
      const { executor } = await gateway.load(options);
      if (!executor) return { executor };
      return {
        executor: (requestContext) => {
          const single = plans.find(requestContext.document, requestContext.request.operationName);
          return single ? runSingleFetch(single, requestContext) : executor(requestContext);
        },
      };
    },
  };
}

async function runSingleFetch(
  single: SingleFetch,
  requestContext: GatewayGraphQLRequestContext,
): Promise<GatewayExecutionResult> {
  const inputs = requestContext.request.variables ?? {};
  const definitions = single.operation.variableDefinitions;
  if (definitions) {
    const { errors } = getVariableValues(requestContext.schema, definitions, inputs);
    if (errors) return { errors };
  }
  countSingleFetch();
  const variables: Record<string, unknown> = {};
  for (const name of single.fetch.variableUsages ?? []) {
    if (Object.hasOwn(inputs, name) && inputs[name] !== undefined) variables[name] = inputs[name];
  }
  if (!tracingStarted()) return fetchOnce(single, requestContext, variables);
  return tracer.startActiveSpan(
    "gateway.fetch",
    { kind: SpanKind.CLIENT, attributes: { service: single.fetch.serviceName } },
    async (span) => {
      try {
        const result = await fetchOnce(single, requestContext, variables);
        if (result.errors) span.setStatus({ code: SpanStatusCode.ERROR });
        return result;
      } finally {
        span.end();
      }
    },
  );
}

async function fetchOnce(
  { fetch, source, dataWithoutAnswer }: SingleFetch,
  requestContext: GatewayGraphQLRequestContext,
  variables: Record<string, unknown>,
): Promise<GatewayExecutionResult> {
  try {
    const response = await source.process({
      kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
      request: { query: fetch.operation, variables, operationName: fetch.operationName },
      incomingRequestContext: requestContext,
      context: requestContext.context,
      ...(fetch.operationDocumentNode ? { document: fetch.operationDocumentNode } : {}),
      pathInIncomingRequest: [],
    });
    const data = response.data === undefined ? dataWithoutAnswer : response.data;
    if (!response.errors) return { data };
    return { data, errors: response.errors.map((error) => fromSubgraph(error, fetch.serviceName)) };
  } catch (error) {
    // The subgraph did not answer (unreachable, timed out): its root fields are null, as the
    // gateway answers them, with the data source's coded error.
    return { data: dataWithoutAnswer, errors: [asGraphQLError(error)] };
  }
}

/**
 * A subgraph's error as the gateway passes it on: its message, path and extensions, with the
 * subgraph's name (the router's error formatter removes it before clients see it) and a code.
 */
function fromSubgraph(error: GraphQLFormattedError, serviceName: string): GraphQLError {
  const code = error.extensions?.code ?? "DOWNSTREAM_SERVICE_ERROR";
  return new GraphQLError(error.message || `Error while fetching subquery from service "${serviceName}"`, {
    ...(error.path ? { path: error.path } : {}),
    extensions: { ...error.extensions, code, serviceName },
  });
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  return new GraphQLError(error instanceof Error ? error.message : String(error), {
    ...(error instanceof Error ? { originalError: error } : {}),
  });
}
