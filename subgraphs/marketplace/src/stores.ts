import {
  migrateSubgraphSqlite,
  mongoStoresOn,
  type OpenStores,
  openMongoStores,
  openSqliteStores,
  openSubgraphStores,
} from "@venta/events";
import { type Logger } from "@venta/kit";
import { type MigrationReport } from "@venta/store";
import type Database from "better-sqlite3";
import type { Connection } from "mongoose";
import type { MarketplaceStores as ModuleStores } from "./module.js";
import { marketplaceModules as modules } from "./modules.js";

/** Every module's store, opened: with the outbox the relay publishes, and the database's life. */
export type MarketplaceStores = OpenStores<ModuleStores>;

const subgraph = "marketplace";

/** MongoDB when `MONGODB_URI` is set; otherwise SQLite in `DATA_DIR` (`:memory:` for tests). */
export function openMarketplaceStores(
  config: { MONGODB_URI?: string | undefined; DATA_DIR: string },
  log?: Logger,
): Promise<MarketplaceStores> {
  return openSubgraphStores({ subgraph, modules, config, log });
}

export function openSqlite(dataDir: string): MarketplaceStores {
  return openSqliteStores({ subgraph, modules }, dataDir);
}

/** Each subgraph keeps its own database (see `subgraphDatabaseName`); tests pass a throwaway one. */
export function openMongo(uri: string, dbName?: string): Promise<MarketplaceStores> {
  return openMongoStores({ subgraph, modules }, uri, dbName);
}

/** The Mongo stores on `connection`, which may still be opening; nothing is migrated. */
export function assembleMongoStores(connection: Connection): MarketplaceStores {
  return mongoStoresOn(modules, connection);
}

/**
 * Brings a marketplace SQLite file (the outbox's tables and every module's) to this release, as
 * opening the stores does: for tools that build stores on a database of their own.
 */
export function migrateMarketplaceSqlite(db: Database.Database): MigrationReport {
  return migrateSubgraphSqlite(db, modules);
}
