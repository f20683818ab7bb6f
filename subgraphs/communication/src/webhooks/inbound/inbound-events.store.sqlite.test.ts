import { openSqlite } from "../../stores.js";
import { inboundEventsStoreContract } from "./inbound-events.store.contract.js";

inboundEventsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.inboundWebhooks, outbox: stores.outbox, close: stores.close };
});
