import { addColumnIfMissing, type SqliteMigration } from "@venta/store";

/**
 * When the bus took each event (epoch ms), for the delay to each consumer having handled it. Rows
 * written before have none: their delay is not recorded.
 */
export const eventBusPublishedAt: SqliteMigration = {
  version: 3,
  name: "when the bus took each event",
  up: (db) => addColumnIfMissing(db, "events", "published_at", "INTEGER"),
};
