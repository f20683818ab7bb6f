import {
  mongoStoresOn,
  type OpenStores,
  openMongoStores,
  openSqliteStores,
  openSubgraphStores,
} from "@venta/events";
import type { Logger } from "@venta/kit";
import { subgraphDatabaseName } from "@venta/store";
import type { Connection } from "mongoose";
import type { CommunicationStores } from "./module.js";
import { communicationModules } from "./modules.js";

/** Every module's store over one database, with its outbox and the handle's life. */
export type OpenCommunicationStores = OpenStores<CommunicationStores>;

const SUBGRAPH = "communication";

export interface StoreConfig {
  MONGODB_URI?: string | undefined;
  DATA_DIR: string;
}

/** MongoDB when `MONGODB_URI` is set; otherwise SQLite in `DATA_DIR` (`:memory:` for tests). */
export function openCommunicationStores(config: StoreConfig, log?: Logger): Promise<OpenCommunicationStores> {
  return openSubgraphStores({
    subgraph: SUBGRAPH,
    modules: communicationModules,
    config,
    ...(log ? { log } : {}),
  });
}

export function openSqlite(dataDir: string): OpenCommunicationStores {
  return openSqliteStores({ subgraph: SUBGRAPH, modules: communicationModules }, dataDir);
}

/** Each subgraph keeps its own database (see `subgraphDatabaseName`); tests pass a throwaway one. */
export function openMongo(
  uri: string,
  dbName = subgraphDatabaseName(uri, SUBGRAPH),
): Promise<OpenCommunicationStores> {
  return openMongoStores({ subgraph: SUBGRAPH, modules: communicationModules }, uri, dbName);
}

/** The Mongo stores on `connection`, which may still be opening; nothing is migrated. */
export function assembleMongoStores(connection: Connection): OpenCommunicationStores {
  return mongoStoresOn(communicationModules, connection);
}
