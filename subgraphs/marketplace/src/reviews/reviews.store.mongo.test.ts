import { mongoForTests } from "@venta/testing";
import { describe, it } from "vitest";
import { mongoStoresFor } from "../store.harness.js";
import { reviewsMigrations } from "./reviews.migrations.js";
import { reviewsStoreContract } from "./reviews.store.contract.js";
import { MongoReviewsStore } from "./reviews.store.mongo.js";

const uri = mongoForTests("reviews store contract");

if (uri) {
  reviewsStoreContract("MongoDB", async () => {
    const { stores, outbox, close } = await mongoStoresFor(
      uri,
      "reviews",
      reviewsMigrations,
      (on) => new MongoReviewsStore(on.connection, on.outbox),
    );
    return { store: stores, outbox, close };
  });
} else {
  describe.skip("MongoDB reviews store (MONGODB_URI not set)", () => {
    it("runs the contract against MongoDB", () => {});
  });
}
