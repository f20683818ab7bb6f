import { openSqlite } from "../stores.js";
import { vendorAlertsStoreContract } from "./vendor-alerts.store.contract.js";

vendorAlertsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.vendorAlerts, close: stores.close };
});
