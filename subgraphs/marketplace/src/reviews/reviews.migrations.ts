import type { MongoMigration, SqliteMigration } from "@venta/store";
import { reviewsBaseline } from "./migrations/001-baseline.sqlite.js";

/**
 * The reviews module's ordered steps, recorded under "reviews". MongoDB has none: every index is
 * declared on the models' schemas and synced at start.
 */
export const reviewsMigrations: { sqlite: readonly SqliteMigration[]; mongo: readonly MongoMigration[] } = {
  sqlite: [reviewsBaseline],
  mongo: [],
};
