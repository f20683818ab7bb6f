import { openSqlite } from "../stores.js";
import { contactsStoreContract } from "./contacts.store.contract.js";

contactsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.contacts, close: stores.close };
});
