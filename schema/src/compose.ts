import { composeServices } from "@apollo/composition";
import { parse, printSchema } from "graphql";
import { apiSchema } from "./api-schema.js";
import { SUBGRAPHS, type SubgraphName } from "./subgraphs.js";

export interface Composition {
  supergraph: string;
  /** The schema clients see: the supergraph without federation's machinery. */
  api: string;
}

/** Composes the supergraph from each subgraph's SDL (as it serves it on `_service { sdl }`). */
export function composeSupergraph(subgraphSdl: Record<SubgraphName, string>): Composition {
  const result = composeServices(
    SUBGRAPHS.map(({ name, url }) => ({ name, url, typeDefs: parse(subgraphSdl[name]) })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  ${e.message}`).join("\n")}`);
  }
  return { supergraph: result.supergraphSdl, api: printSchema(apiSchema(result.schema)) };
}
