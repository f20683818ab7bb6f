import { openSqlite } from "../../stores.js";
import { webhookSubscriptionsStoreContract } from "./webhook-subscriptions.store.contract.js";

webhookSubscriptionsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.webhookSubscriptions, close: stores.close };
});
