import { openSqlite } from "../stores.js";
import { favoritesStoreContract } from "./favorites.store.contract.js";

favoritesStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.favorites, outbox: stores.outbox, close: stores.close };
});
