import { MongoOutbox, type Outbox, outboxMigrations, SqliteOutbox } from "@venta/events";
import {
  connectMongo,
  type MongoMigrations,
  migrateMongo,
  migrateSqlite,
  openSqliteDatabase,
  type SqliteMigrations,
  subgraphDatabaseName,
} from "@venta/store";
import type { Connection } from "mongoose";
import { favoritesMigrations } from "./favorites/favorites.migrations.js";
import type { FavoritesStore } from "./favorites/favorites.store.js";
import { MongoFavoritesStore } from "./favorites/favorites.store.mongo.js";
import { SqliteFavoritesStore } from "./favorites/favorites.store.sqlite.js";
import type { CheckInsStore } from "./loyalty/check-ins.store.js";
import { MongoCheckInsStore } from "./loyalty/check-ins.store.mongo.js";
import { SqliteCheckInsStore } from "./loyalty/check-ins.store.sqlite.js";
import { loyaltyMigrations } from "./loyalty/loyalty.migrations.js";
import type { LoyaltyProgramsStore } from "./loyalty/loyalty-programs.store.js";
import { MongoLoyaltyProgramsStore } from "./loyalty/loyalty-programs.store.mongo.js";
import { SqliteLoyaltyProgramsStore } from "./loyalty/loyalty-programs.store.sqlite.js";
import type { PointsStore } from "./loyalty/points.store.js";
import { MongoPointsStore } from "./loyalty/points.store.mongo.js";
import { SqlitePointsStore } from "./loyalty/points.store.sqlite.js";
import type { VendorPositionsStore } from "./loyalty/vendor-positions.store.js";
import { MongoVendorPositionsStore } from "./loyalty/vendor-positions.store.mongo.js";
import { SqliteVendorPositionsStore } from "./loyalty/vendor-positions.store.sqlite.js";
import type { VendorMediaStore } from "./media/vendor-media.store.js";
import { MongoVendorMediaStore } from "./media/vendor-media.store.mongo.js";
import { SqliteVendorMediaStore } from "./media/vendor-media.store.sqlite.js";
import type { MenusStore } from "./menus/menus.store.js";
import { MongoMenusStore } from "./menus/menus.store.mongo.js";
import { SqliteMenusStore } from "./menus/menus.store.sqlite.js";
import type { PartnerKeysStore } from "./partners/partner-keys.store.js";
import { MongoPartnerKeysStore } from "./partners/partner-keys.store.mongo.js";
import { SqlitePartnerKeysStore } from "./partners/partner-keys.store.sqlite.js";
import { reviewsMigrations } from "./reviews/reviews.migrations.js";
import type { ReviewsStore } from "./reviews/reviews.store.js";
import { MongoReviewsStore } from "./reviews/reviews.store.mongo.js";
import { SqliteReviewsStore } from "./reviews/reviews.store.sqlite.js";
import type { SchedulesStore } from "./schedules/schedules.store.js";
import { MongoSchedulesStore } from "./schedules/schedules.store.mongo.js";
import { SqliteSchedulesStore } from "./schedules/schedules.store.sqlite.js";
import { searchMigrations } from "./search/search.migrations.js";
import type { SearchIndex } from "./search/search.store.js";
import { MongoSearchIndex } from "./search/search.store.mongo.js";
import { SqliteSearchIndex } from "./search/search.store.sqlite.js";
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
  vendorMedia: VendorMediaStore;
  reviews: ReviewsStore;
  favorites: FavoritesStore;
  searchIndex: SearchIndex;
  loyaltyPrograms: LoyaltyProgramsStore;
  points: PointsStore;
  vendorPositions: VendorPositionsStore;
  checkIns: CheckInsStore;
  menus: MenusStore;
  schedules: SchedulesStore;
  /** Events written with the writes they announce, waiting for the relay to publish them. */
  outbox: Outbox;
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

/** The modules whose tables are migrations so far; the others still create theirs in their stores. */
const migrated = {
  reviews: reviewsMigrations,
  favorites: favoritesMigrations,
  search: searchMigrations,
  loyalty: loyaltyMigrations,
};
const sqliteMigrations = Object.entries(migrated).map(
  ([module, steps]): SqliteMigrations => ({ module, steps: steps.sqlite }),
);
const mongoMigrations = Object.entries(migrated).map(
  ([module, steps]): MongoMigrations => ({ module, steps: steps.mongo }),
);

export function openSqlite(dataDir: string): MarketplaceStores {
  const db = openSqliteDatabase(dataDir, "marketplace");
  migrateSqlite(db, [outboxMigrations.sqlite, ...sqliteMigrations]);
  const outbox = new SqliteOutbox(db);
  return {
    vendors: new SqliteVendorsStore(db, outbox),
    users: new SqliteUsersStore(db, outbox),
    partnerKeys: new SqlitePartnerKeysStore(db, outbox),
    vendorMedia: new SqliteVendorMediaStore(db),
    reviews: new SqliteReviewsStore(db, outbox),
    favorites: new SqliteFavoritesStore(db, outbox),
    searchIndex: new SqliteSearchIndex(db),
    loyaltyPrograms: new SqliteLoyaltyProgramsStore(db),
    points: new SqlitePointsStore(db, outbox),
    vendorPositions: new SqliteVendorPositionsStore(db),
    checkIns: new SqliteCheckInsStore(db),
    menus: new SqliteMenusStore(db, outbox),
    schedules: new SqliteSchedulesStore(db, outbox),
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
  dbName = subgraphDatabaseName(uri, "marketplace"),
): Promise<MarketplaceStores> {
  const connection = await connectMongo(uri, dbName);
  const { stores, createIndexes } = assembleMongoStores(connection);
  await createIndexes();
  return stores;
}

/** The Mongo stores on `connection`, which may still be opening; indexes are built by `createIndexes`. */
export function assembleMongoStores(connection: Connection): {
  stores: MarketplaceStores;
  createIndexes(): Promise<void>;
} {
  // Stores record their events with their writes, in transactions: MongoDB must run as a replica set.
  const outbox = new MongoOutbox(connection);
  const vendors = new MongoVendorsStore(connection, outbox);
  const users = new MongoUsersStore(connection, outbox);
  const partnerKeys = new MongoPartnerKeysStore(connection, outbox);
  const vendorMedia = new MongoVendorMediaStore(connection);
  const reviews = new MongoReviewsStore(connection, outbox);
  const favorites = new MongoFavoritesStore(connection, outbox);
  const searchIndex = new MongoSearchIndex(connection);
  const loyaltyPrograms = new MongoLoyaltyProgramsStore(connection);
  const points = new MongoPointsStore(connection, outbox);
  const vendorPositions = new MongoVendorPositionsStore(connection);
  const checkIns = new MongoCheckInsStore(connection);
  const menus = new MongoMenusStore(connection, outbox);
  const schedules = new MongoSchedulesStore(connection, outbox);
  const createIndexes = async () => {
    await Promise.all([vendors.createIndexes(), users.createIndexes(), partnerKeys.createIndexes()]);
    await vendorMedia.createIndexes();
    // Syncs the declared indexes of every model, the migrated modules' among them.
    await migrateMongo(connection, mongoMigrations);
    await Promise.all([menus.createIndexes(), schedules.createIndexes(), outbox.createIndexes()]);
  };
  const stores: MarketplaceStores = {
    vendors,
    users,
    partnerKeys,
    vendorMedia,
    reviews,
    favorites,
    loyaltyPrograms,
    points,
    vendorPositions,
    checkIns,
    searchIndex,
    menus,
    schedules,
    outbox,
    ping: async () => {
      await connection.db?.admin().ping();
    },
    close: () => connection.close(),
  };
  return { stores, createIndexes };
}
