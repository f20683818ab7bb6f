import type { MongoMigration, SqliteMigration } from "@venta/store";
import { searchBaseline } from "./migrations/001-baseline.sqlite.js";

/**
 * The search module's ordered steps, recorded under "search". MongoDB has none: every index is
 * declared on the models' schemas and synced at start.
 */
export const searchMigrations: { sqlite: readonly SqliteMigration[]; mongo: readonly MongoMigration[] } = {
  sqlite: [searchBaseline],
  mongo: [],
};
