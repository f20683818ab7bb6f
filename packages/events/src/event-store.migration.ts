import type { MongoMigrations, SqliteMigrations } from "@venta/store";
import { eventStoreMongoBaseline } from "./migrations/event-store/001-baseline.mongo.js";
import { eventStoreBaseline } from "./migrations/event-store/001-baseline.sqlite.js";

/** The event store's own database (`event-store.db`, or the `-events` MongoDB database). */
export const eventStoreMigrations: { sqlite: SqliteMigrations; mongo: MongoMigrations } = {
  sqlite: { module: "event-store", steps: [eventStoreBaseline] },
  mongo: { module: "event-store", steps: [eventStoreMongoBaseline] },
};
