import { MongoOutbox } from "@venta/events";
import { declaredMongoCollections } from "@venta/kit";
import { describe, expect, it } from "vitest";
import { assembleMongoStores } from "./stores.js";

describe("location's MongoDB stores", () => {
  it("give every collection of the database to exactly one store, apart from the outbox", async () => {
    let outbox = "";
    const collections = await declaredMongoCollections((connection) => {
      assembleMongoStores(connection);
      outbox = new MongoOutbox(connection).collection;
    });
    const all = [...collections, outbox, `${outbox}_leases`];
    expect(all.filter((name, index) => all.indexOf(name) !== index)).toEqual([]);
    expect(collections.length).toBeGreaterThan(0);
  });
});
