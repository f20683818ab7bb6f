import {
  migrateSubgraphSqlite,
  mongoStoresOn,
  type OpenStores,
  openMongoStores,
  openSqliteStores,
  openSubgraphStores,
} from "@venta/events";
import { type MigrationReport } from "@venta/store";
import type Database from "better-sqlite3";
import type { Connection } from "mongoose";
import type { LocationStores } from "./module.js";
import { locationModules } from "./modules.js";

/** Every location store, with the outbox, the health ping and `close`. */
export type OpenLocationStores = OpenStores<LocationStores>;

export interface StoreConfig {
  MONGODB_URI?: string | undefined;
  DATA_DIR: string;
}

const SUBGRAPH = "location";

/** Nearby searches and fence look-ups walk two R*Trees: a 64 MiB page cache keeps them in memory. */
const tuneSqlite = (db: Database.Database) => {
  db.pragma("cache_size = -65536");
};

/** MongoDB when `MONGODB_URI` is set; otherwise SQLite in `DATA_DIR` (`:memory:` for tests). */
export function openLocationStores(config: StoreConfig): Promise<OpenLocationStores> {
  return openSubgraphStores({ subgraph: SUBGRAPH, modules: locationModules, config, tuneSqlite });
}

export function openSqlite(dataDir: string): OpenLocationStores {
  return openSqliteStores({ subgraph: SUBGRAPH, modules: locationModules, tuneSqlite }, dataDir);
}

/** Each subgraph keeps its own database (see `subgraphDatabaseName`); tests pass a throwaway one. */
export function openMongo(uri: string, dbName?: string): Promise<OpenLocationStores> {
  return openMongoStores({ subgraph: SUBGRAPH, modules: locationModules }, uri, dbName);
}

/** The Mongo stores on `connection`, which may still be opening; nothing is migrated. */
export function assembleMongoStores(connection: Connection): OpenLocationStores {
  return mongoStoresOn(locationModules, connection);
}

/**
 * Brings a location database's tables up to date without opening the stores: for tools that bulk
 * load one with pragmas of their own before constructing a store on it (the benchmark's data set).
 */
export function migrateLocationDatabase(db: Database.Database): MigrationReport {
  return migrateSubgraphSqlite(db, locationModules);
}
