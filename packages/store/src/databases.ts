import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import mongoose, { type Connection } from "mongoose";

/**
 * A service's SQLite database: `<dataDir>/<name>.db`, or in memory when `dataDir` is `:memory:`.
 * WAL lets readers and the writer work at once; NORMAL sync survives a crashed process (only a
 * power cut can lose the last commits), and a busy writer is waited for instead of failing.
 */
export function openSqliteDatabase(dataDir: string, name: string): Database.Database {
  let filename = ":memory:";
  if (dataDir !== ":memory:") {
    mkdirSync(dataDir, { recursive: true });
    filename = join(dataDir, `${name}.db`);
  }
  const db = new Database(filename);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  return db;
}

/** A MongoDB connection whose indexes are built explicitly at start-up, never on first use. */
export function connectMongo(uri: string, dbName?: string): Promise<Connection> {
  return mongoose
    .createConnection(uri, {
      autoIndex: false,
      serverSelectionTimeoutMS: 10_000,
      ...(dbName ? { dbName } : {}),
    })
    .asPromise();
}

/**
 * The database a subgraph keeps its collections in: the URI's database (`venta` when it names
 * none) suffixed with the subgraph, so subgraphs sharing one server never share a collection, an
 * outbox or a relay lease. The event store, which every subgraph's events reach, takes "events".
 */
export function subgraphDatabaseName(uri: string, subgraph: string): string {
  const base = uriDatabaseName(uri) ?? "venta";
  return `${base}-${subgraph}`;
}

/** The database in a `mongodb://` or `mongodb+srv://` URI (`…/<database>?options`), if it names one. */
function uriDatabaseName(uri: string): string | undefined {
  // Credentials must percent-encode "/", so the first one after the scheme starts the path.
  const afterScheme = uri.slice(uri.indexOf("://") + 3).split("?")[0] ?? "";
  const slash = afterScheme.indexOf("/");
  if (slash === -1) return undefined;
  const path = afterScheme.slice(slash + 1);
  return path === "" ? undefined : decodeURIComponent(path);
}

/** MongoDB's duplicate key error (E11000): a unique index refused the write. */
export function isMongoDuplicateKey(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === 11000;
}

/**
 * Runs a conditional upsert: `write` filters on a unique key plus a condition ("the stored version
 * is older than this one"). Its E11000 says only that no document passed the filter when the upsert
 * looked: either one exists and fails the condition, or a concurrent writer created it since. The
 * server retries an upsert by itself only when the filter is equality on the key alone, so the same
 * write runs again without upsert to tell the two apart: a newer fact is never dropped as stale.
 */
export async function conditionalUpsert<R>(write: (upsert: boolean) => Promise<R>): Promise<R> {
  try {
    return await write(true);
  } catch (error) {
    if (!isMongoDuplicateKey(error)) throw error;
    return write(false);
  }
}

/**
 * The collections the models of `assemble` write to, found without a server: models register on
 * a connection that never opens.
 */
export async function declaredMongoCollections(
  assemble: (connection: Connection) => unknown,
): Promise<string[]> {
  const connection = mongoose.createConnection();
  try {
    assemble(connection);
    return Object.values(connection.models).map((model) => model.collection.collectionName);
  } finally {
    await connection.close();
  }
}
