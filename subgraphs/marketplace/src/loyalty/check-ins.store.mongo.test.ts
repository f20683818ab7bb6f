import { mongoForTests } from "@venta/testing";
import { describe, it } from "vitest";
import { mongoStoresFor } from "../store.harness.js";
import { checkInsStoreContract } from "./check-ins.store.contract.js";
import { MongoCheckInsStore } from "./check-ins.store.mongo.js";
import { loyaltyMigrations } from "./loyalty.migrations.js";

const uri = mongoForTests("check-ins store contract");

if (uri) {
  checkInsStoreContract("MongoDB", async () => {
    const { stores, close } = await mongoStoresFor(
      uri,
      "loyalty",
      loyaltyMigrations,
      (on) => new MongoCheckInsStore(on.connection),
    );
    return { store: stores, close };
  });
} else {
  describe.skip("MongoDB check-ins store (MONGODB_URI not set)", () => {
    it("runs the contract against MongoDB", () => {});
  });
}
