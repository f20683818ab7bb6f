import { buildSubgraph, schemaOf } from "@venta/kit";
import type { GraphQLSchema } from "graphql";
import { UserDataExport } from "./geofences/user-data-export.type.js";
import { locationModules } from "./modules.js";

/** The location subgraph schema: every module's resolvers. */
export function buildLocationSchema(): Promise<GraphQLSchema> {
  return buildSubgraph({
    ...schemaOf(locationModules),
    // Reached only through marketplace's `myDataExport`, never from a root field here.
    orphanedTypes: [UserDataExport],
  });
}
