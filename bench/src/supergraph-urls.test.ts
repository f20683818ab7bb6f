import { describe, expect, it } from "vitest";
import { pointSupergraphAt } from "./supergraph-urls.js";

const SDL = `enum join__Graph {
  COMMUNICATION @join__graph(name: "communication", url: "http://127.0.0.1:4003/graphql")
  LOCATION @join__graph(name: "location", url: "http://127.0.0.1:4002/graphql")
  MARKETPLACE @join__graph(name: "marketplace", url: "http://127.0.0.1:4001/graphql")
}`;

const urls = {
  marketplace: "http://127.0.0.1:51001/graphql",
  location: "http://127.0.0.1:51002/graphql",
  communication: "http://127.0.0.1:51003/graphql",
};

describe("pointSupergraphAt", () => {
  it("replaces each subgraph's URL and nothing else", () => {
    expect(pointSupergraphAt(SDL, urls)).toBe(`enum join__Graph {
  COMMUNICATION @join__graph(name: "communication", url: "http://127.0.0.1:51003/graphql")
  LOCATION @join__graph(name: "location", url: "http://127.0.0.1:51002/graphql")
  MARKETPLACE @join__graph(name: "marketplace", url: "http://127.0.0.1:51001/graphql")
}`);
  });

  it("refuses a supergraph that lacks one of the subgraphs", () => {
    expect(() => pointSupergraphAt(SDL.replace(/ {2}LOCATION.*\n/, ""), urls)).toThrow(/location/);
  });
});
