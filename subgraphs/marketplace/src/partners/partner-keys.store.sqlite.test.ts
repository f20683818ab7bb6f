import { openSqlite } from "../stores.js";
import { partnerKeysStoreContract } from "./partner-keys.store.contract.js";

partnerKeysStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.partnerKeys, outbox: stores.outbox, close: stores.close };
});
