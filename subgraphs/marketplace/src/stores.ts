import { connectMongo, openSqliteDatabase } from "@venta/kit";
import type { PartnerKeysStore } from "./partners/partner-keys.store.js";
import { MongoPartnerKeysStore } from "./partners/partner-keys.store.mongo.js";
import { SqlitePartnerKeysStore } from "./partners/partner-keys.store.sqlite.js";
import type { UsersStore } from "./users/users.store.js";
import { MongoUsersStore } from "./users/users.store.mongo.js";
import { SqliteUsersStore } from "./users/users.store.sqlite.js";
import type { VendorsStore } from "./vendors/vendors.store.js";
import { MongoVendorsStore } from "./vendors/vendors.store.mongo.js";
import { SqliteVendorsStore } from "./vendors/vendors.store.sqlite.js";

export interface MarketplaceStores {
  vendors: VendorsStore;
  users: UsersStore;
  partnerKeys: PartnerKeysStore;
  /** Proves the database answers; used by `/health`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreConfig {
  MONGODB_URI?: string | undefined;
  DATA_DIR: string;
}

/** MongoDB when `MONGODB_URI` is set; otherwise SQLite in `DATA_DIR` (`:memory:` for tests). */
export async function openMarketplaceStores(config: StoreConfig): Promise<MarketplaceStores> {
  return config.MONGODB_URI ? openMongo(config.MONGODB_URI) : openSqlite(config.DATA_DIR);
}

export function openSqlite(dataDir: string): MarketplaceStores {
  const db = openSqliteDatabase(dataDir, "marketplace");
  return {
    vendors: new SqliteVendorsStore(db),
    users: new SqliteUsersStore(db),
    partnerKeys: new SqlitePartnerKeysStore(db),
    ping: async () => {
      db.prepare("SELECT 1").get();
    },
    close: async () => {
      db.close();
    },
  };
}

export async function openMongo(uri: string, dbName?: string): Promise<MarketplaceStores> {
  const connection = await connectMongo(uri, dbName);
  const vendors = new MongoVendorsStore(connection);
  const users = new MongoUsersStore(connection);
  const partnerKeys = new MongoPartnerKeysStore(connection);
  await Promise.all([vendors.createIndexes(), users.createIndexes(), partnerKeys.createIndexes()]);
  return {
    vendors,
    users,
    partnerKeys,
    ping: async () => {
      await connection.db?.admin().ping();
    },
    close: () => connection.close(),
  };
}
