import { randomUUID } from "node:crypto";
import { connectMongo, migrateMongo } from "@venta/store";
import { dropMongoDatabase, mongoForTests } from "@venta/testing";
import { describe, it } from "vitest";
import { outboxContract } from "./outbox.contract.js";
import { outboxMigrations } from "./outbox.migration.js";
import { MongoOutbox } from "./outbox.mongo.js";

const uri = mongoForTests("outbox contract");

if (uri) {
  outboxContract("MongoDB", async () => {
    // A database per test keeps runs independent; it is dropped on close.
    const dbName = `venta_test_${randomUUID().slice(0, 8)}`;
    const connection = await connectMongo(uri, dbName);
    await migrateMongo(connection, [outboxMigrations.mongo]);
    const outbox = new MongoOutbox(connection);
    const writes = connection.collection("writes");
    return {
      outbox,
      commit: (events) =>
        outbox.transaction(async (session) => {
          await writes.insertOne({ n: 1 }, { session });
          await outbox.add(events, session);
        }),
      rollBack: (events) =>
        outbox.transaction(async (session) => {
          await writes.insertOne({ n: 1 }, { session });
          await outbox.add(events, session);
          throw new Error("the write failed after recording its events");
        }),
      close: () => dropMongoDatabase(uri, dbName).then(() => connection.close()),
    };
  });
} else {
  describe.skip("MongoDB outbox (MONGODB_URI not set)", () => {
    it("runs the contract against MongoDB", () => {});
  });
}
