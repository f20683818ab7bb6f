import { openSqlite } from "../stores.js";
import { vendorMediaStoreContract } from "./vendor-media.store.contract.js";

vendorMediaStoreContract("SQLite", async () => {
  const stores = openSqlite(":memory:");
  return { store: stores.vendorMedia, close: stores.close };
});
