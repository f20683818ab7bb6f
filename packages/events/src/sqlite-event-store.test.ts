import { eventStoreContract } from "./event-store.contract.js";
import { SqliteEventStore } from "./sqlite-event-store.js";

eventStoreContract("SQLite", async () => new SqliteEventStore(":memory:"));
