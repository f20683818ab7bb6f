import { openSqlite } from "../stores.js";
import { positionsStoreContract } from "./positions.store.contract.js";

positionsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.positions, close: stores.close };
});
