import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { committedSupergraphPath } from "./config.js";
import { SUBGRAPHS, subgraphUrls } from "./subgraphs.js";

describe("the router's subgraphs", () => {
  // The schema workspace keeps its own list to compose with; this holds the two together.
  it("are the committed supergraph's, which names each at its default URL", () => {
    const supergraph = readFileSync(committedSupergraphPath, "utf8");
    const composed = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)]
      .map(([, name, url]) => ({ name, url }))
      .sort((a, b) => (a.name ?? "").localeCompare(b.name ?? ""));
    const defaults = subgraphUrls({});
    const routers = SUBGRAPHS.map(({ name }) => ({ name, url: defaults[name] }));
    expect(composed).toEqual(routers.sort((a, b) => a.name.localeCompare(b.name)));
  });
});
