import { buildSubgraph, schemaOf } from "@venta/kit";
import type { GraphQLSchema } from "graphql";
import { refuseErasedPeople } from "./contacts/live-account.js";
import { UserDataExport } from "./contacts/user-data-export.type.js";
import { communicationModules } from "./modules.js";

/** The communication subgraph schema: every module's resolvers. */
export function buildCommunicationSchema(): Promise<GraphQLSchema> {
  return buildSubgraph({
    ...schemaOf(communicationModules),
    // Reached only through marketplace's `myDataExport`, never from a root field here.
    orphanedTypes: [UserDataExport],
    middlewares: [refuseErasedPeople],
  });
}
