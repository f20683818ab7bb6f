import { MongoOutbox, type Outbox, SqliteOutbox } from "@venta/events";
import { connectMongo, openSqliteDatabase, subgraphDatabaseName } from "@venta/store";
import type { Connection } from "mongoose";
import type { GeofencesStore } from "./geofences/geofences.store.js";
import { MongoGeofencesStore } from "./geofences/geofences.store.mongo.js";
import { SqliteGeofencesStore } from "./geofences/geofences.store.sqlite.js";
import type { PositionsStore } from "./positions/positions.store.js";
import { MongoPositionsStore } from "./positions/positions.store.mongo.js";
import { SqlitePositionsStore } from "./positions/positions.store.sqlite.js";

export interface LocationStores {
  positions: PositionsStore;
  /** Fences and memberships; also the write path of position reports, which changes memberships. */
  geofences: GeofencesStore;
  /** Events committed with the writes they announce, for the relay to publish. */
  outbox: Outbox;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreConfig {
  MONGODB_URI?: string | undefined;
  DATA_DIR: string;
}

/** MongoDB when `MONGODB_URI` is set; otherwise SQLite in `DATA_DIR` (`:memory:` for tests). */
export async function openLocationStores(config: StoreConfig): Promise<LocationStores> {
  return config.MONGODB_URI ? openMongo(config.MONGODB_URI) : openSqlite(config.DATA_DIR);
}

export function openSqlite(dataDir: string): LocationStores {
  const db = openSqliteDatabase(dataDir, "location");
  db.pragma("cache_size = -65536");
  const positions = new SqlitePositionsStore(db);
  const outbox = new SqliteOutbox(db);
  return {
    positions,
    geofences: new SqliteGeofencesStore(db, positions, outbox),
    outbox,
    ping: async () => {
      db.prepare("SELECT 1").get();
    },
    close: async () => {
      db.close();
    },
  };
}

/** Each subgraph keeps its own database (see `subgraphDatabaseName`); tests pass a throwaway one. */
export async function openMongo(
  uri: string,
  dbName = subgraphDatabaseName(uri, "location"),
): Promise<LocationStores> {
  const connection = await connectMongo(uri, dbName);
  const { stores, createIndexes } = assembleMongoStores(connection);
  await createIndexes();
  return stores;
}

/** The Mongo stores on `connection`, which may still be opening; indexes are built by `createIndexes`. */
export function assembleMongoStores(connection: Connection): {
  stores: LocationStores;
  createIndexes(): Promise<void>;
} {
  const positions = new MongoPositionsStore(connection);
  const outbox = new MongoOutbox(connection);
  const geofences = new MongoGeofencesStore(connection, positions, outbox);
  const createIndexes = async () => {
    await Promise.all([positions.createIndexes(), outbox.createIndexes(), geofences.createIndexes()]);
  };
  const stores: LocationStores = {
    positions,
    geofences,
    outbox,
    ping: async () => {
      await connection.db?.admin().ping();
    },
    close: () => connection.close(),
  };
  return { stores, createIndexes };
}
