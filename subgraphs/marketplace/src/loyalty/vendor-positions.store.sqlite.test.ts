import { sqliteHandleFor } from "../store.harness.js";
import { loyaltyMigrations } from "./loyalty.migrations.js";
import { vendorPositionsStoreContract } from "./vendor-positions.store.contract.js";
import { SqliteVendorPositionsStore } from "./vendor-positions.store.sqlite.js";

vendorPositionsStoreContract("SQLite", async () => {
  const handle = sqliteHandleFor("loyalty", loyaltyMigrations);
  return { store: new SqliteVendorPositionsStore(handle.db), close: handle.close };
});
