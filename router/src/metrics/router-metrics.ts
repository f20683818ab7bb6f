import type { Fetcher } from "@apollo/utils.fetcher";
import { type CallerKind, metricsRegistry } from "@venta/kit";
import { Counter, Histogram } from "prom-client";

const subgraphFetches = new Histogram({
  name: "venta_router_subgraph_fetch_duration_seconds",
  help: "Time the router's calls to each subgraph took; outcome error when it failed or answered non-2xx.",
  labelNames: ["subgraph", "outcome"] as const,
  buckets: [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** Which limit refused: the caller's request budget, or the subscription sockets per address or in all. */
export type RefusingLimit = "requests" | "sockets_per_address" | "sockets_total";

const rateLimitRefusals = new Counter({
  name: "venta_rate_limit_refusals_total",
  help: "Requests and subscription sockets refused for a spent budget or a full quota.",
  labelNames: ["caller", "limit"] as const,
  registers: [metricsRegistry],
});

export function countRateLimitRefusal(caller: CallerKind, limit: RefusingLimit): void {
  rateLimitRefusals.inc({ caller, limit });
}

const singleFetches = new Counter({
  name: "venta_router_single_fetch_operations_total",
  help: "Operations answered by sending the planner's one fetch to its subgraph, without the gateway's per-request reshaping.",
  registers: [metricsRegistry],
});

export function countSingleFetch(): void {
  singleFetches.inc();
}

/** `fetcher` with each call to `subgraph` timed, from the request to its whole answer read. */
export function timedFetcher(subgraph: string, fetcher: Fetcher): Fetcher {
  const ok = subgraphFetches.labels(subgraph, "ok");
  const error = subgraphFetches.labels(subgraph, "error");
  return async (url, init) => {
    const start = performance.now();
    try {
      const response = await fetcher(url, init);
      (response.ok ? ok : error).observe((performance.now() - start) / 1_000);
      return response;
    } catch (failure) {
      error.observe((performance.now() - start) / 1_000);
      throw failure;
    }
  };
}
