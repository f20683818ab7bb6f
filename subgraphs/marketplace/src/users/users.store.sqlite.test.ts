import { openSqlite } from "../stores.js";
import { usersStoreContract } from "./users.store.contract.js";

usersStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.users, outbox: stores.outbox, close: stores.close };
});
