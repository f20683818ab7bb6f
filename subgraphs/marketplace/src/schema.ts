import { buildSubgraph } from "@venta/kit";
import type { GraphQLSchema } from "graphql";
import { PartnerKeysResolver } from "./partners/partner-keys.resolver.js";
import { resolveUserReference } from "./users/user.reference.js";
import { UserVendorsResolver } from "./users/user.vendors.resolver.js";
import { UsersResolver } from "./users/users.resolver.js";
import { resolveVendorReference } from "./vendors/vendor.reference.js";
import { VendorsResolver } from "./vendors/vendors.resolver.js";

/** The marketplace subgraph schema: every module's resolvers and entity references. */
export function buildMarketplaceSchema(): Promise<GraphQLSchema> {
  return buildSubgraph({
    resolvers: [VendorsResolver, UsersResolver, UserVendorsResolver, PartnerKeysResolver],
    referenceResolvers: {
      Vendor: { __resolveReference: resolveVendorReference },
      User: { __resolveReference: resolveUserReference },
    },
  });
}
