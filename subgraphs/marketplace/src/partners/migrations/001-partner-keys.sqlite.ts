import type { SqliteMigration } from "@venta/store";

/** Baseline: partner API keys as the store made them before migrations were recorded. */
export const partnerKeysBaseline: SqliteMigration = {
  version: 1,
  name: "partner keys",
  up: (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS partner_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        prefix TEXT NOT NULL,
        key_hash TEXT NOT NULL UNIQUE,
        scopes TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER,
        last_used_at INTEGER
      );
      CREATE INDEX IF NOT EXISTS partner_keys_by_creation ON partner_keys (created_at, id);
    `);
  },
};
