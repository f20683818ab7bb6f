import { openSqlite } from "../stores.js";
import { searchIndexContract } from "./search.store.contract.js";

searchIndexContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { index: stores.searchIndex, close: stores.close };
});
