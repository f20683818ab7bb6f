import type { SqliteMigrations } from "@venta/store";
import { eventBusBaseline } from "./migrations/event-bus/001-baseline.sqlite.js";
import { eventBusTraceContext } from "./migrations/event-bus/002-trace-context.sqlite.js";
import { eventBusPublishedAt } from "./migrations/event-bus/003-published-at.sqlite.js";

/** The tables of the event log's own file (`events.db`), applied whenever the bus opens it. */
export const eventBusMigrations: SqliteMigrations = {
  module: "event-bus",
  steps: [eventBusBaseline, eventBusTraceContext, eventBusPublishedAt],
};
