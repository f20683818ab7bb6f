import { mongoForTests } from "@venta/testing";
import { describe, it } from "vitest";
import { mongoStoresFor } from "../store.harness.js";
import { searchMigrations } from "./search.migrations.js";
import { searchIndexContract } from "./search.store.contract.js";
import { MongoSearchIndex } from "./search.store.mongo.js";

const uri = mongoForTests("search index contract");

if (uri) {
  searchIndexContract("MongoDB", async () => {
    const { stores, close } = await mongoStoresFor(
      uri,
      "search",
      searchMigrations,
      (on) => new MongoSearchIndex(on.connection),
    );
    return { index: stores, close };
  });
} else {
  describe.skip("MongoDB search index (MONGODB_URI not set)", () => {
    it("runs the contract against MongoDB", () => {});
  });
}
