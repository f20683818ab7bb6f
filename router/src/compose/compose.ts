import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { buildCommunicationSchema } from "@venta/communication";
import { buildLocationSchema } from "@venta/location";
import { buildMarketplaceSchema } from "@venta/marketplace";
import { type GraphQLSchema, parse, printSchema } from "graphql";
import { SUBGRAPHS, type SubgraphName } from "../subgraphs.js";
import { apiSchema } from "./api-schema.js";

const builders: Record<SubgraphName, () => Promise<GraphQLSchema>> = {
  marketplace: buildMarketplaceSchema,
  location: buildLocationSchema,
  communication: buildCommunicationSchema,
};

export interface Composition {
  /** Each subgraph's SDL as it serves it on `_service { sdl }`. */
  subgraphs: Record<SubgraphName, string>;
  supergraph: string;
  /** The schema clients see: the supergraph without federation's machinery. */
  api: string;
}

/** Composes the supergraph from the subgraphs' code, with their default local URLs. */
export async function composeSupergraph(): Promise<Composition> {
  const subgraphs = {} as Record<SubgraphName, string>;
  for (const { name } of SUBGRAPHS) subgraphs[name] = printSubgraphSchema(await builders[name]());
  const result = composeServices(
    SUBGRAPHS.map(({ name, defaultPort }) => ({
      name,
      url: `http://127.0.0.1:${defaultPort}/graphql`,
      typeDefs: parse(subgraphs[name]),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  ${e.message}`).join("\n")}`);
  }
  return { subgraphs, supergraph: result.supergraphSdl, api: printSchema(apiSchema(result.schema)) };
}
