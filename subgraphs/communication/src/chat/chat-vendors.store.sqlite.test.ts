import { openSqlite } from "../stores.js";
import { chatVendorsStoreContract } from "./chat-vendors.store.contract.js";

chatVendorsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.chatVendors, close: stores.close };
});
