import { mongoForTests } from "@venta/testing";
import { describe, it } from "vitest";
import { mongoStoresFor } from "../store.harness.js";
import { loyaltyMigrations } from "./loyalty.migrations.js";
import { vendorPositionsStoreContract } from "./vendor-positions.store.contract.js";
import { MongoVendorPositionsStore } from "./vendor-positions.store.mongo.js";

const uri = mongoForTests("vendor positions store contract");

if (uri) {
  vendorPositionsStoreContract("MongoDB", async () => {
    const { stores, close } = await mongoStoresFor(
      uri,
      "loyalty",
      loyaltyMigrations,
      (on) => new MongoVendorPositionsStore(on.connection),
    );
    return { store: stores, close };
  });
} else {
  describe.skip("MongoDB vendor positions store (MONGODB_URI not set)", () => {
    it("runs the contract against MongoDB", () => {});
  });
}
