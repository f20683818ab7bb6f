import { randomUUID } from "node:crypto";
import { dropMongoDatabase, mongoForTests } from "@venta/testing";
import { describe, it } from "vitest";
import { openMongo } from "../stores.js";
import { checkInsStoreContract } from "./check-ins.store.contract.js";

const uri = mongoForTests("check-ins store contract");

if (uri) {
  checkInsStoreContract("MongoDB", async () => {
    // A database per test keeps runs independent; it is dropped on close.
    const dbName = `venta_test_${randomUUID().slice(0, 8)}`;
    const stores = await openMongo(uri, dbName);
    return { store: stores.checkIns, close: () => dropMongoDatabase(uri, dbName).then(stores.close) };
  });
} else {
  describe.skip("MongoDB check-ins store (MONGODB_URI not set)", () => {
    it("runs the contract against MongoDB", () => {});
  });
}
