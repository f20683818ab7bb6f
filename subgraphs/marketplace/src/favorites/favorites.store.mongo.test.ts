import { mongoForTests } from "@venta/testing";
import { describe, it } from "vitest";
import { mongoStoresFor } from "../store.harness.js";
import { favoritesMigrations } from "./favorites.migrations.js";
import { favoritesStoreContract } from "./favorites.store.contract.js";
import { MongoFavoritesStore } from "./favorites.store.mongo.js";

const uri = mongoForTests("favorites store contract");

if (uri) {
  favoritesStoreContract("MongoDB", async () => {
    const { stores, outbox, close } = await mongoStoresFor(
      uri,
      "favorites",
      favoritesMigrations,
      (on) => new MongoFavoritesStore(on.connection, on.outbox),
    );
    return { store: stores, outbox, close };
  });
} else {
  describe.skip("MongoDB favorites store (MONGODB_URI not set)", () => {
    it("runs the contract against MongoDB", () => {});
  });
}
