import { assembleMongoStores as communicationStores } from "@venta/communication";
import { MongoOutbox } from "@venta/events";
import { assembleMongoStores as locationStores } from "@venta/location";
import { assembleMongoStores as marketplaceStores } from "@venta/marketplace";
import { declaredMongoCollections, subgraphDatabaseName } from "@venta/store";
import { describe, expect, it } from "vitest";

const subgraphs = {
  marketplace: marketplaceStores,
  location: locationStores,
  communication: communicationStores,
};

describe("MongoDB collections across subgraphs", () => {
  it("lets no two subgraphs declare the same collection", async () => {
    const owners = new Map<string, string[]>();
    for (const [subgraph, assemble] of Object.entries(subgraphs)) {
      for (const collection of await declaredMongoCollections(assemble))
        owners.set(collection, [...(owners.get(collection) ?? []), subgraph]);
    }
    const shared = [...owners].filter(([, declaredBy]) => declaredBy.length > 1);
    expect(shared).toEqual([]);
  });

  it("gives every collection of a subgraph's database to one store, the outbox and its lease apart", async () => {
    for (const [subgraph, assemble] of Object.entries(subgraphs)) {
      let outbox = "";
      const collections = await declaredMongoCollections((connection) => {
        assemble(connection);
        outbox = new MongoOutbox(connection).collection;
      });
      const all = [...collections, outbox, `${outbox}_leases`];
      expect(collections.length, subgraph).toBeGreaterThan(0);
      expect(
        all.filter((name, index) => all.indexOf(name) !== index),
        subgraph,
      ).toEqual([]);
    }
  });

  it("keeps each subgraph, with its outbox and relay lease, and the event store in databases of their own", () => {
    const uri = "mongodb://mongo:27017/venta?replicaSet=rs0";
    const databases = [...Object.keys(subgraphs), "events"].map((part) => subgraphDatabaseName(uri, part));
    expect(new Set(databases).size).toBe(databases.length);
  });
});
