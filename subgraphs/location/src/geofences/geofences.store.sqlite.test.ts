import { openSqlite } from "../stores.js";
import { geofencesStoreContract } from "./geofences.store.contract.js";

geofencesStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.geofences, positions: stores.positions, outbox: stores.outbox, close: stores.close };
});
