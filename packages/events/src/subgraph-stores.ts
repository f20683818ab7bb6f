import {
  assembleStores,
  type Logger,
  type ModuleTypes,
  mongoMigrationsOf,
  type SubgraphModule,
  sqliteMigrationsOf,
  timedStores,
} from "@venta/kit";
import {
  connectMongo,
  type MigrationReport,
  migrateMongo,
  migrateSqlite,
  openSqliteDatabase,
  type SqliteMigrations,
  subgraphDatabaseName,
} from "@venta/store";
import type Database from "better-sqlite3";
import type { Connection } from "mongoose";
import type { Outbox } from "./outbox.js";
import { outboxMigrations } from "./outbox.migration.js";
import { MongoOutbox } from "./outbox.mongo.js";
import { SqliteOutbox } from "./outbox.sqlite.js";

/** What a module's SQLite store factories receive: the subgraph's database and its outbox. */
export interface SqliteStoreHandle {
  db: Database.Database;
  outbox: SqliteOutbox;
}

/** What a module's MongoDB store factories receive: the subgraph's connection and its outbox. */
export interface MongoStoreHandle {
  connection: Connection;
  outbox: MongoOutbox;
}

/** Module types of a subgraph whose stores live in its own database beside an outbox. */
export interface StoreModuleTypes extends ModuleTypes {
  sqlite: SqliteStoreHandle;
  mongo: MongoStoreHandle;
}

/** A subgraph's stores, opened: every module's, the outbox the relay publishes, and the handle's life. */
export type OpenStores<Stores> = Stores & {
  /** Events committed with the writes they announce, for the relay to publish. */
  outbox: Outbox;
  /** Proves the database answers; used by `/health`. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export interface SubgraphStoreOptions<T extends StoreModuleTypes> {
  /** Names the SQLite file (`<name>.db`) and the MongoDB database (see `subgraphDatabaseName`). */
  subgraph: string;
  modules: readonly SubgraphModule<T>[];
  config: { MONGODB_URI?: string | undefined; DATA_DIR: string };
  /** Pragmas a subgraph sets on its SQLite file beyond the defaults (cache size…). */
  tuneSqlite?: (db: Database.Database) => void;
  log?: Logger;
}

/**
 * MongoDB when `MONGODB_URI` is set, otherwise SQLite in `DATA_DIR` (`:memory:` for tests); the
 * outbox's and every module's migrations are applied before any store is built.
 */
export function openSubgraphStores<T extends StoreModuleTypes>(
  options: SubgraphStoreOptions<T>,
): Promise<OpenStores<T["stores"]>> {
  const uri = options.config.MONGODB_URI;
  return uri
    ? openMongoStores(options, uri)
    : Promise.resolve(openSqliteStores(options, options.config.DATA_DIR));
}

export function openSqliteStores<T extends StoreModuleTypes>(
  { subgraph, modules, tuneSqlite, log }: Omit<SubgraphStoreOptions<T>, "config">,
  dataDir: string,
): OpenStores<T["stores"]> {
  const handle = openSqliteHandle(dataDir, subgraph, sqliteMigrationsOf(modules), log, tuneSqlite);
  return {
    ...timedStores(subgraph, assembleStores(modules, "sqlite", handle)),
    outbox: handle.outbox,
    ping: async () => {
      handle.db.prepare("SELECT 1").get();
    },
    close: async () => {
      handle.db.close();
    },
  };
}

/**
 * A SQLite database with the outbox's and `migrations`' tables in place: what store factories
 * receive. Tests open one on `:memory:` with just the modules they need.
 */
export function openSqliteHandle(
  dataDir: string,
  name: string,
  migrations: readonly SqliteMigrations[],
  log?: Logger,
  tune?: (db: Database.Database) => void,
): SqliteStoreHandle {
  const db = openSqliteDatabase(dataDir, name);
  tune?.(db);
  logMigrations(log, name, migrateWithOutbox(db, migrations));
  return { db, outbox: new SqliteOutbox(db) };
}

/**
 * Brings a subgraph's SQLite database to this release: the outbox's tables, then each module's.
 * For tools that open the file themselves (bulk loads, tests) before building a store on it.
 */
export function migrateSubgraphSqlite<T extends StoreModuleTypes>(
  db: Database.Database,
  modules: readonly SubgraphModule<T>[],
): MigrationReport {
  return migrateWithOutbox(db, sqliteMigrationsOf(modules));
}

function migrateWithOutbox(db: Database.Database, migrations: readonly SqliteMigrations[]): MigrationReport {
  return migrateSqlite(db, [outboxMigrations.sqlite, ...migrations]);
}

/** Each subgraph keeps its own database (see `subgraphDatabaseName`); tests pass a throwaway one. */
export async function openMongoStores<T extends StoreModuleTypes>(
  { subgraph, modules, log }: Omit<SubgraphStoreOptions<T>, "config">,
  uri: string,
  dbName = subgraphDatabaseName(uri, subgraph),
): Promise<OpenStores<T["stores"]>> {
  const connection = await connectMongo(uri, dbName);
  // Built first: the index sync covers the models the stores register.
  const stores = mongoStoresOn(modules, connection, subgraph);
  logMigrations(
    log,
    subgraph,
    await migrateMongo(connection, [outboxMigrations.mongo, ...mongoMigrationsOf(modules)]),
  );
  return stores;
}

/**
 * The Mongo stores on `connection`, which may still be opening; nothing is migrated. Given the
 * `subgraph`, their methods are timed for its metrics.
 */
export function mongoStoresOn<T extends StoreModuleTypes>(
  modules: readonly SubgraphModule<T>[],
  connection: Connection,
  subgraph?: string,
): OpenStores<T["stores"]> {
  const outbox = new MongoOutbox(connection);
  const stores = assembleStores(modules, "mongo", { connection, outbox });
  return {
    ...(subgraph ? timedStores(subgraph, stores) : stores),
    outbox,
    ping: async () => {
      await connection.db?.admin().ping();
    },
    close: () => connection.close(),
  };
}

function logMigrations(log: Logger | undefined, database: string, report: MigrationReport): void {
  if (!log) return;
  for (const step of report.applied) log.info({ database, ...step }, "migration applied");
  for (const ahead of report.ahead)
    log.warn({ database, ...ahead }, "the database was migrated by a newer release");
}
