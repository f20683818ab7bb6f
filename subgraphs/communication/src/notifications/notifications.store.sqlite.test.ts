import { openSqlite } from "../stores.js";
import { notificationsStoreContract } from "./notifications.store.contract.js";

notificationsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.notifications, close: stores.close };
});
