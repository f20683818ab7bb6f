import { mongoForTests } from "@venta/testing";
import { describe, it } from "vitest";
import { mongoStoresFor } from "../store.harness.js";
import { loyaltyMigrations } from "./loyalty.migrations.js";
import { loyaltyProgramsStoreContract } from "./loyalty-programs.store.contract.js";
import { MongoLoyaltyProgramsStore } from "./loyalty-programs.store.mongo.js";

const uri = mongoForTests("loyalty programs store contract");

if (uri) {
  loyaltyProgramsStoreContract("MongoDB", async () => {
    const { stores, close } = await mongoStoresFor(
      uri,
      "loyalty",
      loyaltyMigrations,
      (on) => new MongoLoyaltyProgramsStore(on.connection),
    );
    return { store: stores, close };
  });
} else {
  describe.skip("MongoDB loyalty programs store (MONGODB_URI not set)", () => {
    it("runs the contract against MongoDB", () => {});
  });
}
