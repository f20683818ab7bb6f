import { openSqlite } from "../stores.js";
import { reviewsStoreContract } from "./reviews.store.contract.js";

reviewsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.reviews, outbox: stores.outbox, close: stores.close };
});
