import { buildSubgraph, schemaOf } from "@venta/kit";
import type { GraphQLSchema } from "graphql";
import { marketplaceModules } from "./modules.js";

/** The marketplace subgraph schema: every module's resolvers and entity references. */
export function buildMarketplaceSchema(): Promise<GraphQLSchema> {
  return buildSubgraph(schemaOf(marketplaceModules));
}
