import { randomUUID } from "node:crypto";
import { dropMongoDatabase, mongoForTests } from "@venta/testing";
import { describe, it } from "vitest";
import { openMongo } from "../../stores.js";
import { inboundEventsStoreContract } from "./inbound-events.store.contract.js";

const uri = mongoForTests("inbound webhook events store contract");

if (uri) {
  inboundEventsStoreContract("MongoDB", async () => {
    // A database per test keeps runs independent; it is dropped on close.
    const dbName = `venta_test_${randomUUID().slice(0, 8)}`;
    const stores = await openMongo(uri, dbName);
    return {
      store: stores.inboundWebhooks,
      outbox: stores.outbox,
      close: () => dropMongoDatabase(uri, dbName).then(stores.close),
    };
  });
} else {
  describe.skip("MongoDB inbound webhook events store (MONGODB_URI not set)", () => {
    it("runs the contract against MongoDB", () => {});
  });
}
