import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { connectMongo, migrateMongo, subgraphDatabaseName } from "@venta/store";
import type { EventStore } from "./event-store.js";
import { eventStoreMigrations } from "./event-store.migration.js";
import { MongoEventStore } from "./event-store.mongo.js";
import { SqliteEventStore } from "./event-store.sqlite.js";

export interface EventStoreConfig {
  MONGODB_URI?: string | undefined;
  DATA_DIR: string;
}

/**
 * A collection in its own MongoDB database (`<URI database or venta>-events`) when `MONGODB_URI` is
 * set; otherwise `event-store.db` in DATA_DIR (in memory for `:memory:`).
 */
export async function openEventStore(config: EventStoreConfig): Promise<EventStore> {
  if (config.MONGODB_URI) {
    const connection = await connectMongo(
      config.MONGODB_URI,
      subgraphDatabaseName(config.MONGODB_URI, "events"),
    );
    await migrateMongo(connection, [eventStoreMigrations.mongo]);
    return new MongoEventStore(connection);
  }
  if (config.DATA_DIR === ":memory:") return new SqliteEventStore(":memory:");
  mkdirSync(config.DATA_DIR, { recursive: true });
  return new SqliteEventStore(join(config.DATA_DIR, "event-store.db"));
}
