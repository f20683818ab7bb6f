import { randomUUID } from "node:crypto";
import { connectMongo } from "@venta/kit";
import { dropMongoDatabase, mongoForTests } from "@venta/testing";
import { describe, it } from "vitest";
import { eventStoreContract } from "./event-store.contract.js";
import { MongoEventStore } from "./mongo-event-store.js";

const uri = mongoForTests("event store contract");

if (uri) {
  eventStoreContract("MongoDB", async () => {
    // A database per test keeps runs independent; it is dropped on close.
    const dbName = `venta_test_${randomUUID().slice(0, 8)}`;
    const store = new MongoEventStore(await connectMongo(uri, dbName));
    await store.createIndexes();
    const close = store.close.bind(store);
    store.close = () => dropMongoDatabase(uri, dbName).then(close);
    return store;
  });
} else {
  describe.skip("MongoDB event store (MONGODB_URI not set)", () => {
    it("runs the contract against MongoDB", () => {});
  });
}
