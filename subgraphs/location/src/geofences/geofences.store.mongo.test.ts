import { randomUUID } from "node:crypto";
import { dropMongoDatabase, mongoForTests } from "@venta/testing";
import { describe, it } from "vitest";
import { openMongo } from "../stores.js";
import { geofencesStoreContract } from "./geofences.store.contract.js";

const uri = mongoForTests("geofences store contract");

if (uri) {
  geofencesStoreContract("MongoDB", async () => {
    // A database per test keeps runs independent; it is dropped on close. Transactions need the
    // server to be a replica set member (a single node will do).
    const dbName = `venta_test_${randomUUID().slice(0, 8)}`;
    const stores = await openMongo(uri, dbName);
    return {
      store: stores.geofences,
      positions: stores.positions,
      reports: stores.positionReports,
      outbox: stores.outbox,
      close: () => dropMongoDatabase(uri, dbName).then(stores.close),
    };
  });
} else {
  describe.skip("MongoDB geofences store (MONGODB_URI not set)", () => {
    it("runs the contract against MongoDB", () => {});
  });
}
