import { openSqlite } from "../stores.js";
import { conversationsStoreContract } from "./conversations.store.contract.js";

conversationsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.conversations, announced: () => stores.outbox.oldest(1000), close: stores.close };
});
