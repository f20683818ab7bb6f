import { randomUUID } from "node:crypto";
import { connectMongo, migrateMongo } from "@venta/store";
import { dropMongoDatabase, mongoForTests } from "@venta/testing";
import { describe, it } from "vitest";
import { eventStoreContract } from "./event-store.contract.js";
import type { EventStore } from "./event-store.js";
import { eventStoreMigrations } from "./event-store.migration.js";
import { MongoEventStore } from "./event-store.mongo.js";

const uri = mongoForTests("event store contract");

/** Every string anywhere in a document, however deeply nested. */
function stringsIn(value: unknown, found: string[]): void {
  if (typeof value === "string") found.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, found);
  else if (value !== null && typeof value === "object")
    for (const [key, item] of Object.entries(value)) {
      found.push(key);
      stringsIn(item, found);
    }
}

if (uri) {
  const databases = new WeakMap<EventStore, string>();
  eventStoreContract(
    "MongoDB",
    async () => {
      // A database per test keeps runs independent; it is dropped on close.
      const dbName = `venta_test_${randomUUID().slice(0, 8)}`;
      const connection = await connectMongo(uri, dbName);
      await migrateMongo(connection, [eventStoreMigrations.mongo]);
      const store = new MongoEventStore(connection);
      databases.set(store, dbName);
      const close = store.close.bind(store);
      store.close = () => dropMongoDatabase(uri, dbName).then(close);
      return store;
    },
    async (store) => {
      const dbName = databases.get(store);
      if (!dbName) throw new Error("not a store opened by this test");
      // Read through a connection of its own, from every collection of the store's database.
      const connection = await connectMongo(uri, dbName);
      try {
        const db = connection.db;
        if (!db) throw new Error("the MongoDB connection is not open yet");
        const found: string[] = [];
        for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray())
          for (const doc of await db.collection(name).find({}).toArray()) stringsIn(doc, found);
        return found;
      } finally {
        await connection.close();
      }
    },
  );
} else {
  describe.skip("MongoDB event store (MONGODB_URI not set)", () => {
    it("runs the contract against MongoDB", () => {});
  });
}
