import { openSqlite } from "../stores.js";
import { notificationSettingsStoreContract } from "./notification-settings.store.contract.js";

notificationSettingsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.notificationSettings, close: stores.close };
});
