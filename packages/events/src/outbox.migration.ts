import { addColumnIfMissing, type MongoMigrations, type SqliteMigrations } from "@venta/store";

/**
 * The outbox's own tables, migrated with the modules of every subgraph that writes one. The first
 * step adopts databases written before migrations were recorded (hence IF NOT EXISTS).
 */
export const outboxMigrations: { sqlite: SqliteMigrations; mongo: MongoMigrations } = {
  sqlite: {
    module: "outbox",
    steps: [
      {
        version: 1,
        name: "outbox and relay lease",
        up: (db) => {
          db.exec(`
            CREATE TABLE IF NOT EXISTS outbox (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              id TEXT NOT NULL UNIQUE,
              type TEXT NOT NULL,
              payload TEXT NOT NULL,
              occurred_at TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS outbox_lease (
              name TEXT PRIMARY KEY,
              owner TEXT NOT NULL,
              expires_at INTEGER NOT NULL
            );
          `);
        },
      },
      {
        version: 2,
        name: "the producer's trace context with each event",
        up: (db) => addColumnIfMissing(db, "outbox", "traceparent", "TEXT"),
      },
    ],
  },
  mongo: {
    module: "outbox",
    steps: [
      {
        version: 1,
        name: "outbox in write order",
        // The outbox has no model (it writes raw documents), so its index is a step, not a schema's.
        up: async (connection) => {
          await connection.collection("outbox").createIndex({ seq: 1 });
        },
      },
    ],
  },
};
