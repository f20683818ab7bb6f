import { sqliteHandleFor } from "../store.harness.js";
import { reviewsMigrations } from "./reviews.migrations.js";
import { reviewsStoreContract } from "./reviews.store.contract.js";
import { SqliteReviewsStore } from "./reviews.store.sqlite.js";

reviewsStoreContract("SQLite", async () => {
  const handle = sqliteHandleFor("reviews", reviewsMigrations);
  return {
    store: new SqliteReviewsStore(handle.db, handle.outbox),
    outbox: handle.outbox,
    close: handle.close,
  };
});
