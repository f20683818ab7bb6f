import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { connectMongo } from "@venta/kit";
import type { EventStore } from "./event-store.js";
import { MongoEventStore } from "./mongo-event-store.js";
import { SqliteEventStore } from "./sqlite-event-store.js";

export interface EventStoreConfig {
  MONGODB_URI?: string | undefined;
  DATA_DIR: string;
}

/** A collection in the configured MongoDB when `MONGODB_URI` is set; otherwise `event-store.db` in DATA_DIR (in memory for `:memory:`). */
export async function openEventStore(config: EventStoreConfig): Promise<EventStore> {
  if (config.MONGODB_URI) {
    const store = new MongoEventStore(await connectMongo(config.MONGODB_URI));
    await store.prepare();
    return store;
  }
  if (config.DATA_DIR === ":memory:") return new SqliteEventStore(":memory:");
  mkdirSync(config.DATA_DIR, { recursive: true });
  return new SqliteEventStore(join(config.DATA_DIR, "event-store.db"));
}
