import { connectMongo, openSqliteDatabase } from "@venta/kit";
import type { PositionsStore } from "./positions/positions.store.js";
import { MongoPositionsStore } from "./positions/positions.store.mongo.js";
import { SqlitePositionsStore } from "./positions/positions.store.sqlite.js";

export interface LocationStores {
  positions: PositionsStore;
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
  return {
    positions: new SqlitePositionsStore(db),
    ping: async () => {
      db.prepare("SELECT 1").get();
    },
    close: async () => {
      db.close();
    },
  };
}

export async function openMongo(uri: string, dbName?: string): Promise<LocationStores> {
  const connection = await connectMongo(uri, dbName);
  const positions = new MongoPositionsStore(connection);
  await positions.createIndexes();
  return {
    positions,
    ping: async () => {
      await connection.db?.admin().ping();
    },
    close: () => connection.close(),
  };
}
