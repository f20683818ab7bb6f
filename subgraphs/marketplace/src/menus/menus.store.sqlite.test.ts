import { openSqlite } from "../stores.js";
import { menusStoreContract } from "./menus.store.contract.js";

menusStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.menus, outbox: stores.outbox, close: stores.close };
});
