import { openSqlite } from "../stores.js";
import { schedulesStoreContract } from "./schedules.store.contract.js";

schedulesStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.schedules, close: stores.close };
});
