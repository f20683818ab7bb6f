import { randomUUID } from "node:crypto";
import {
  MongoOutbox,
  type MongoStoreHandle,
  openSqliteHandle,
  outboxMigrations,
  type SqliteStoreHandle,
} from "@venta/events";
import { connectMongo, type MongoMigration, migrateMongo, type SqliteMigration } from "@venta/store";
import { dropMongoDatabase } from "@venta/testing";

/** A module's ordered steps on each backend, as its `<module>.migrations.ts` exports them. */
export interface ModuleSteps {
  sqlite: readonly SqliteMigration[];
  mongo: readonly MongoMigration[];
}

/** A fresh in-memory marketplace database holding the outbox's and `module`'s tables. */
export function sqliteHandleFor(
  module: string,
  steps: ModuleSteps,
): SqliteStoreHandle & { close(): Promise<void> } {
  const handle = openSqliteHandle(":memory:", "marketplace", [{ module, steps: steps.sqlite }]);
  return {
    ...handle,
    close: async () => {
      handle.db.close();
    },
  };
}

/**
 * `build`'s stores on a throwaway database of the server at `uri`, migrated as at start (built
 * first, so the index sync covers the models they register); the database is dropped on close.
 */
export async function mongoStoresFor<S>(
  uri: string,
  module: string,
  steps: ModuleSteps,
  build: (handle: MongoStoreHandle) => S,
): Promise<{ stores: S; outbox: MongoOutbox; close(): Promise<void> }> {
  // A database per test keeps runs independent.
  const dbName = `venta_test_${randomUUID().slice(0, 8)}`;
  const connection = await connectMongo(uri, dbName);
  const outbox = new MongoOutbox(connection);
  const stores = build({ connection, outbox });
  await migrateMongo(connection, [outboxMigrations.mongo, { module, steps: steps.mongo }]);
  return { stores, outbox, close: () => dropMongoDatabase(uri, dbName).then(() => connection.close()) };
}
