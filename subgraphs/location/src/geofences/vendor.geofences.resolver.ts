import { forbidden, isAdmin, unauthenticated } from "@venta/auth";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { LocationContext } from "../context.js";
import { Vendor } from "../positions/vendor.type.js";
import { GeofenceConnection } from "./geofence.connection.js";
import { listGeofences } from "./list-geofences.js";

@Resolver(() => Vendor)
export class VendorGeofencesResolver {
  @FieldResolver(() => GeofenceConnection, {
    description:
      "The vendor's own zones (VENDOR_ZONE), newest first. Only the vendor's owner and admins may read them.",
  })
  async geofences(
    @Root() vendor: Vendor,
    @Ctx() ctx: LocationContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<GeofenceConnection> {
    const { viewer } = ctx;
    if (viewer.userId === null && viewer.partner === null) throw unauthenticated();
    if (!isAdmin(viewer)) {
      const access = (await ctx.services.positions.vendorAccess([vendor.id])).get(vendor.id);
      if (viewer.userId === null || access?.ownerId !== viewer.userId)
        throw forbidden("only the vendor's owner or an admin may read its zones");
    }
    return listGeofences(ctx, "VENDOR_ZONE", vendor.id, first, after);
  }
}
