import { sqliteHandleFor } from "../store.harness.js";
import { loyaltyMigrations } from "./loyalty.migrations.js";
import { loyaltyProgramsStoreContract } from "./loyalty-programs.store.contract.js";
import { SqliteLoyaltyProgramsStore } from "./loyalty-programs.store.sqlite.js";

loyaltyProgramsStoreContract("SQLite", async () => {
  const handle = sqliteHandleFor("loyalty", loyaltyMigrations);
  return { store: new SqliteLoyaltyProgramsStore(handle.db), close: handle.close };
});
