import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { GraphQLError } from "graphql";
import { Counter, Histogram } from "prom-client";
import { ErrorCode, isClientError } from "../errors.js";
import type { CallerKind } from "./caller-kind.js";
import { OperationLabels, UNKNOWN_OPERATION } from "./operation-labels.js";
import { metricsRegistry, secondsSince } from "./registry.js";

/** ok: no error; refused: the caller's doing (input, rights, limits); error: ours (a fault, an outage). */
export type RequestOutcome = "ok" | "error" | "refused";

const requests = new Counter({
  name: "venta_graphql_requests_total",
  help: "GraphQL requests answered, by operation name, outcome and caller kind.",
  labelNames: ["service", "operation", "outcome", "caller"] as const,
  registers: [metricsRegistry],
});

const durations = new Histogram({
  name: "venta_graphql_request_duration_seconds",
  help: "Time from a GraphQL request's arrival to its response, by operation name and caller kind.",
  labelNames: ["service", "operation", "caller"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/**
 * The outcome of a response with these errors: one that is not the client's doing (as the error
 * formatter tells them apart), or a subgraph being unavailable, makes it an error.
 */
export function outcomeOf(errors: readonly GraphQLError[] | undefined): RequestOutcome {
  if (!errors || errors.length === 0) return "ok";
  for (const error of errors) {
    if (error.extensions.code === ErrorCode.ServiceUnavailable || !isClientError(error)) return "error";
  }
  return "refused";
}

/** One operation's series for one caller kind, bound once so a request only looks them up. */
interface Series {
  duration: ReturnType<typeof durations.labels>;
  outcomes: Record<RequestOutcome, ReturnType<typeof requests.labels>>;
}

/** Counts and times one service's GraphQL requests; at most one per service name in a process. */
export class GraphQLMetrics {
  private readonly operations = new OperationLabels();
  private readonly series = new Map<string, Map<CallerKind, Series>>();

  constructor(private readonly service: string) {}

  /** Records a request that took `seconds`; `operation` is the client's name for it, if any. */
  record(operation: string | null | undefined, caller: CallerKind, outcome: RequestOutcome, seconds: number) {
    const series = this.seriesFor(this.operations.labelFor(operation), caller);
    series.outcomes[outcome].inc();
    series.duration.observe(seconds);
  }

  /** A request answered before its operation was read (over budget, a bad credential, too large). */
  recordUnread(caller: CallerKind, outcome: Exclude<RequestOutcome, "ok">, seconds: number): void {
    const series = this.seriesFor(UNKNOWN_OPERATION, caller);
    series.outcomes[outcome].inc();
    series.duration.observe(seconds);
  }

  private seriesFor(operation: string, caller: CallerKind): Series {
    let byCaller = this.series.get(operation);
    if (!byCaller) {
      byCaller = new Map();
      this.series.set(operation, byCaller);
    }
    let series = byCaller.get(caller);
    if (!series) {
      const labels = { service: this.service, operation, caller };
      series = {
        duration: durations.labels(labels),
        outcomes: {
          ok: requests.labels({ ...labels, outcome: "ok" }),
          error: requests.labels({ ...labels, outcome: "error" }),
          refused: requests.labels({ ...labels, outcome: "refused" }),
        },
      };
      byCaller.set(caller, series);
    }
    return series;
  }
}

/** An Apollo Server plugin recording every request's operation, outcome, caller kind and duration. */
export function graphqlMetricsPlugin<TContext extends BaseContext>(
  metrics: GraphQLMetrics,
  callerOf: (context: TContext) => CallerKind,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const start = performance.now();
      return {
        async willSendResponse(requestContext) {
          metrics.record(
            requestContext.operationName,
            callerOf(requestContext.contextValue),
            outcomeOf(requestContext.errors),
            secondsSince(start),
          );
        },
      };
    },
  };
}
