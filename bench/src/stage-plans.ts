import type { ServiceName } from "@venta/testing";

/** One stage of a figure: a histogram in one or more services' `/metrics`. */
export interface StageSpec {
  /** The row's name; with `splitBy`, followed by the split labels' values. */
  stage: string;
  /** Whose scrapes hold it: a stage such as the bus's consumers spans several processes. */
  services: readonly ServiceName[];
  /** The histogram's name, without `_bucket`, `_sum` or `_count`. */
  metric: string;
  /** Only the series carrying these labels. */
  labels?: Record<string, string>;
  /** One row per distinct value of these labels among the series that gained samples. */
  splitBy?: readonly string[];
}

export interface StagePlan {
  /** What kind of figure it breaks down. */
  name: "update" | "query";
  stages: readonly StageSpec[];
}

const SUBGRAPHS: readonly ServiceName[] = ["marketplace", "location", "communication"];
const REQUESTS = "venta_graphql_request_duration_seconds";

/**
 * A position update's path: into the router, on to location, its write (positions, history,
 * fences and outbox events in one transaction), the outbox relay putting the events on the bus and
 * each consumer handling them, and, beside the bus, the live feed to the router and the router's
 * fan-out to the sockets (with the whole accept → socket for comparison). Requests are split by
 * operation, so the live figures' own vendor look-ups at the router show apart from the updates.
 * Stages overlap where their clocks do: position events' `occurredAt` is the request's time, so the
 * outbox stage spans location's handling of the request as well as the relay's wait and publish.
 */
export const UPDATE_STAGES: StagePlan = {
  name: "update",
  stages: [
    {
      stage: "intake: router request",
      services: ["router"],
      metric: REQUESTS,
      labels: { service: "router" },
      splitBy: ["operation"],
    },
    {
      stage: "router → location fetch",
      services: ["router"],
      metric: "venta_router_subgraph_fetch_duration_seconds",
      labels: { subgraph: "location" },
    },
    {
      stage: "location request",
      services: ["location"],
      metric: REQUESTS,
      labels: { service: "location" },
      splitBy: ["operation"],
    },
    {
      stage: "store: position reports write",
      services: ["location"],
      metric: "venta_store_operation_duration_seconds",
      labels: { service: "location", store: "positionReports", operation: "record" },
    },
    {
      stage: "outbox: occurredAt → bus",
      services: ["location"],
      metric: "venta_outbox_publish_delay_seconds",
      labels: { service: "location" },
    },
    {
      stage: "bus → consumer",
      services: SUBGRAPHS,
      metric: "venta_event_bus_delivery_delay_seconds",
      splitBy: ["consumer"],
    },
    { stage: "live feed: accept → router", services: ["router"], metric: "venta_live_feed_delay_seconds" },
    { stage: "router → socket", services: ["router"], metric: "venta_live_router_to_socket_seconds" },
    {
      stage: "(whole) accept → socket",
      services: ["router"],
      metric: "venta_live_accept_to_socket_seconds",
    },
  ],
};

/** A query's path: the router, its fetch to each subgraph, each subgraph's request and store calls. */
export const QUERY_STAGES: StagePlan = {
  name: "query",
  stages: [
    {
      stage: "router request",
      services: ["router"],
      metric: REQUESTS,
      labels: { service: "router" },
      splitBy: ["operation"],
    },
    {
      stage: "router → fetch",
      services: ["router"],
      metric: "venta_router_subgraph_fetch_duration_seconds",
      splitBy: ["subgraph"],
    },
    { stage: "request", services: SUBGRAPHS, metric: REQUESTS, splitBy: ["service", "operation"] },
    {
      stage: "store",
      services: SUBGRAPHS,
      metric: "venta_store_operation_duration_seconds",
      splitBy: ["service", "store", "operation"],
    },
  ],
};
