import { randomUUID } from "node:crypto";
import { dropMongoDatabase, mongoForTests } from "@venta/testing";
import { Mongoose } from "mongoose";
import { describe, expect, it } from "vitest";
import { openMongo } from "../../stores.js";
import { webhookSubscriptionsStoreContract } from "./webhook-subscriptions.store.contract.js";
import { MongoWebhookSubscriptionsStore } from "./webhook-subscriptions.store.mongo.js";

const uri = mongoForTests("webhook subscriptions store contract");

if (uri) {
  webhookSubscriptionsStoreContract("MongoDB", async () => {
    // A database per test keeps runs independent; it is dropped on close.
    const dbName = `venta_test_${randomUUID().slice(0, 8)}`;
    const stores = await openMongo(uri, dbName);
    return {
      store: stores.webhookSubscriptions,
      close: () => dropMongoDatabase(uri, dbName).then(stores.close),
    };
  });
} else {
  describe.skip("MongoDB webhook subscriptions store (MONGODB_URI not set)", () => {
    it("runs the contract against MongoDB", () => {});
  });
}

describe("MongoDB webhook subscriptions store, before any server answers", () => {
  // Never opened, and told not to wait for it: a write that mongoose accepts fails on the connection,
  // while one mongoose refuses (an update pipeline not declared as one) fails before.
  const offline = () =>
    new MongoWebhookSubscriptionsStore(new Mongoose({ bufferCommands: false }).createConnection());

  it("builds a secret rotation that mongoose 9 sends as an update pipeline", async () => {
    const rotation = offline().rotateSecret("whs_1", "whsec_new", new Date(), new Date());
    await expect(rotation).rejects.toThrow(/initial connection/);
  });

  it("builds the revoked key's disabling that mongoose 9 sends as an update pipeline", async () => {
    await expect(offline().disableForRevokedKey("pk_1", new Date())).rejects.toThrow(/initial connection/);
  });
});
