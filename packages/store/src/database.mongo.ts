import mongoose, { type Connection } from "mongoose";

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
