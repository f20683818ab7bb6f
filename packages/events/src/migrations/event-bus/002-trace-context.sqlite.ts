import { addColumnIfMissing, type SqliteMigration } from "@venta/store";

/** The producer's W3C trace context beside each event, for consumers' spans to link to. */
export const eventBusTraceContext: SqliteMigration = {
  version: 2,
  name: "the producer's trace context with each event",
  up: (db) => addColumnIfMissing(db, "events", "traceparent", "TEXT"),
};
