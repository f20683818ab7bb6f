import { openSqlite } from "../stores.js";
import { vendorsStoreContract } from "./vendors.store.contract.js";

vendorsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.vendors, close: stores.close };
});
