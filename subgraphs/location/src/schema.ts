import { buildSubgraph } from "@venta/kit";
import type { GraphQLSchema } from "graphql";
import { GeofencesResolver } from "./geofences/geofences.resolver.js";
import { UserDataExportGeofencesResolver } from "./geofences/user-data-export.geofences.resolver.js";
import { UserDataExport } from "./geofences/user-data-export.type.js";
import { VendorGeofencesResolver } from "./geofences/vendor.geofences.resolver.js";
import { VendorLocationUpdatedResolver } from "./live/vendor-location-updated.resolver.js";
import { NearbyVendorsResolver } from "./positions/nearby-vendors.resolver.js";
import { UpdateVendorLocationResolver } from "./positions/update-vendor-location.resolver.js";
import { VendorLocationResolver } from "./positions/vendor-location.resolver.js";
import { VendorsWithinResolver } from "./positions/vendors-within.resolver.js";

/** The location subgraph schema: every module's resolvers. */
export function buildLocationSchema(): Promise<GraphQLSchema> {
  return buildSubgraph({
    resolvers: [
      GeofencesResolver,
      NearbyVendorsResolver,
      UpdateVendorLocationResolver,
      VendorLocationResolver,
      VendorLocationUpdatedResolver,
      VendorGeofencesResolver,
      VendorsWithinResolver,
      UserDataExportGeofencesResolver,
    ],
    // Reached only through marketplace's `myDataExport`, never from a root field here.
    orphanedTypes: [UserDataExport],
  });
}
