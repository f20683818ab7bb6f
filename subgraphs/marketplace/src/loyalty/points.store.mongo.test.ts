import { mongoForTests } from "@venta/testing";
import { describe, it } from "vitest";
import { mongoStoresFor } from "../store.harness.js";
import { loyaltyMigrations } from "./loyalty.migrations.js";
import { pointsStoreContract } from "./points.store.contract.js";
import { MongoPointsStore } from "./points.store.mongo.js";

const uri = mongoForTests("points store contract");

if (uri) {
  pointsStoreContract("MongoDB", async () => {
    const { stores, outbox, close } = await mongoStoresFor(
      uri,
      "loyalty",
      loyaltyMigrations,
      (on) => new MongoPointsStore(on.connection, on.outbox),
    );
    return { store: stores, outbox, close };
  });
} else {
  describe.skip("MongoDB points store (MONGODB_URI not set)", () => {
    it("runs the contract against MongoDB", () => {});
  });
}
