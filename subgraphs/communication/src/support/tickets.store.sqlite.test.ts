import { openSqlite } from "../stores.js";
import { ticketsStoreContract } from "./tickets.store.contract.js";

ticketsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.tickets, announced: () => stores.outbox.oldest(1000), close: stores.close };
});
