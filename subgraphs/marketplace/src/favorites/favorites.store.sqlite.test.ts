import { sqliteHandleFor } from "../store.harness.js";
import { favoritesMigrations } from "./favorites.migrations.js";
import { favoritesStoreContract } from "./favorites.store.contract.js";
import { SqliteFavoritesStore } from "./favorites.store.sqlite.js";

favoritesStoreContract("SQLite", async () => {
  const handle = sqliteHandleFor("favorites", favoritesMigrations);
  return {
    store: new SqliteFavoritesStore(handle.db, handle.outbox),
    outbox: handle.outbox,
    close: handle.close,
  };
});
