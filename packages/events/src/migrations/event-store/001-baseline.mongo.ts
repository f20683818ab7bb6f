import type { MongoMigration } from "@venta/store";
import { MongoEventErasure } from "../../event-erasure.mongo.js";

/** The collection of stored events; its counters, erased people and settings are named after it. */
export const EVENT_STORE_COLLECTION = "event_store";

/**
 * The event store's indexes (its collection has no model: they are built here, not synced), then,
 * for a collection written before erasure, the people its events name and the erasures it holds.
 */
export const eventStoreMongoBaseline: MongoMigration = {
  version: 1,
  name: "stored events' indexes, the people they name and erasures honoured",
  up: async (connection) => {
    const events = connection.collection(EVENT_STORE_COLLECTION);
    await Promise.all([
      events.createIndex({ position: 1 }, { unique: true }),
      events.createIndex({ aggregateType: 1, aggregateId: 1, position: 1 }),
      events.createIndex({ type: 1, position: 1 }),
      events.createIndex({ occurredAt: 1 }),
      events.createIndex({ people: 1 }),
    ]);
    await new MongoEventErasure(connection, EVENT_STORE_COLLECTION).indexStoredEvents();
  },
};
