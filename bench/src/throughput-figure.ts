import type { HttpLoadResult } from "./http-load.js";
import type { StockGateway } from "./stock-gateway.js";
import type { ThroughputQuery } from "./throughput-queries.js";

export type ThroughputTarget = "router" | "location direct" | StockGateway;

/** One target under closed-loop load with one query. */
export interface ThroughputFigure extends HttpLoadResult {
  target: ThroughputTarget;
  query: ThroughputQuery;
  connections: number;
}

export interface ThroughputResults {
  vendors: number;
  figures: ThroughputFigure[];
}
