import type { SqliteMigrations } from "@venta/store";
import { liveFeedBaseline } from "./migrations/live-feed/001-baseline.sqlite.js";

/** The table of the feed's own file (`live.db`), applied whenever the feed opens it. */
export const liveFeedMigrations: SqliteMigrations = {
  module: "live-feed",
  steps: [liveFeedBaseline],
};
