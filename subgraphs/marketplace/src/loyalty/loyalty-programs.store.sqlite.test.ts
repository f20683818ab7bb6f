import { openSqlite } from "../stores.js";
import { loyaltyProgramsStoreContract } from "./loyalty-programs.store.contract.js";

loyaltyProgramsStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.loyaltyPrograms, close: stores.close };
});
