import type { LatencySummary } from "./figure.js";
import type { ErrorKinds } from "./http-load.js";
import type { StockGateway } from "./stock-gateway.js";
import type { ThroughputQuery } from "./throughput-queries.js";

export type ThroughputTarget = "router" | "location direct" | StockGateway;

/** One target under closed-loop load with one query. */
export interface ThroughputFigure {
  target: ThroughputTarget;
  query: ThroughputQuery;
  connections: number;
  /** Answers measured (after warm-up). */
  requests: number;
  seconds: number;
  rps: number;
  latencyMs: LatencySummary;
  /** Transport errors, non-2xx answers and GraphQL errors together; anything but 0 spoils the figure. */
  errors: number;
  errorKinds: ErrorKinds;
}

export interface ThroughputResults {
  vendors: number;
  figures: ThroughputFigure[];
}
