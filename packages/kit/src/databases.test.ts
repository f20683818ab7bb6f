import { describe, expect, it } from "vitest";
import { subgraphDatabaseName } from "./databases.js";

describe("subgraphDatabaseName", () => {
  it("gives each subgraph its own database on the production URI", () => {
    const uri = "mongodb://mongo:27017/venta?replicaSet=rs0";
    const names = ["marketplace", "location", "communication"].map((s) => subgraphDatabaseName(uri, s));
    expect(names).toEqual(["venta-marketplace", "venta-location", "venta-communication"]);
  });

  it("derives the name from the URI's database, not from options or credentials", () => {
    expect(subgraphDatabaseName("mongodb+srv://u:p%2Fq@cluster.example.net/shop?w=majority", "location")).toBe(
      "shop-location",
    );
    expect(subgraphDatabaseName("mongodb://a:27017,b:27017/prod?replicaSet=rs0", "location")).toBe("prod-location");
  });

  it("falls back to venta when the URI names no database", () => {
    expect(subgraphDatabaseName("mongodb://mongo:27017", "marketplace")).toBe("venta-marketplace");
    expect(subgraphDatabaseName("mongodb://mongo:27017/?replicaSet=rs0", "marketplace")).toBe("venta-marketplace");
  });
});
