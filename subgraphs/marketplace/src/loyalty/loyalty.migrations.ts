import type { MongoMigration, SqliteMigration } from "@venta/store";
import { loyaltyBaseline } from "./migrations/001-baseline.sqlite.js";

/**
 * The loyalty module's ordered steps, recorded under "loyalty". MongoDB has none: every index is
 * declared on the models' schemas and synced at start.
 */
export const loyaltyMigrations: { sqlite: readonly SqliteMigration[]; mongo: readonly MongoMigration[] } = {
  sqlite: [loyaltyBaseline],
  mongo: [],
};
