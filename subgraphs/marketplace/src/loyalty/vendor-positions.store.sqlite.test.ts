import { openSqlite } from "../stores.js";
import { vendorPositionsStoreContract } from "./vendor-positions.store.contract.js";

vendorPositionsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.vendorPositions, close: stores.close };
});
