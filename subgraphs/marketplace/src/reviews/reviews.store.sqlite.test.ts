import { openSqlite } from "../stores.js";
import { reviewsStoreContract } from "./reviews.store.contract.js";

reviewsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.reviews, close: stores.close };
});
