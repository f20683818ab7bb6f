import { readFileSync } from "node:fs";
import { buildCommunicationSchema } from "@venta/communication";
import { subgraphSdl } from "@venta/kit";
import { buildLocationSchema } from "@venta/location";
import { buildMarketplaceSchema } from "@venta/marketplace";
import type { GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { composeSupergraph } from "./compose.js";
import { composedFiles, repoPath, subgraphSdlPath } from "./schema-files.js";
import { SUBGRAPHS, type SubgraphName } from "./subgraphs.js";

// Composition reads only the SDL files; this test alone builds each subgraph from its code, to prove
// that the committed files are what the code prints and composes to.
const builders: Record<SubgraphName, () => Promise<GraphQLSchema>> = {
  marketplace: buildMarketplaceSchema,
  location: buildLocationSchema,
  communication: buildCommunicationSchema,
};

const stale = (path: string) => `${repoPath(path)} is stale: run \`npm run compose\``;

describe("composition", () => {
  const fromCode = {} as Record<SubgraphName, string>;
  beforeAll(async () => {
    for (const { name } of SUBGRAPHS) fromCode[name] = subgraphSdl(await builders[name]());
  });

  it("each subgraph's committed SDL is what its code prints", () => {
    for (const { name } of SUBGRAPHS) {
      const path = subgraphSdlPath(name);
      expect(readFileSync(path, "utf8"), stale(path)).toBe(fromCode[name]);
    }
  });

  it("composes, and the committed supergraph and API schema are what the subgraphs compose to", () => {
    for (const [path, expected] of composedFiles(composeSupergraph(fromCode))) {
      expect(readFileSync(path, "utf8"), stale(path)).toBe(expected);
    }
  });
});
