import { openSqlite } from "../../stores.js";
import { webhookDeliveriesStoreContract } from "./webhook-deliveries.store.contract.js";

webhookDeliveriesStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.webhookDeliveries, close: stores.close };
});
