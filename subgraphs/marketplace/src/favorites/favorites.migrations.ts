import type { MongoMigration, SqliteMigration } from "@venta/store";
import { favoritesBaseline } from "./migrations/001-baseline.sqlite.js";

/**
 * The favorites module's ordered steps, recorded under "favorites". MongoDB has none: every index is
 * declared on the models' schemas and synced at start.
 */
export const favoritesMigrations: { sqlite: readonly SqliteMigration[]; mongo: readonly MongoMigration[] } = {
  sqlite: [favoritesBaseline],
  mongo: [],
};
