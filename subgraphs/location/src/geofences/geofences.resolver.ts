import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { LocationContext } from "../context.js";
import { GeoPointInput } from "../positions/geo.type.js";
import { Vendor } from "../positions/vendor.type.js";
import { GeofenceConnection, GeofenceVendorConnection } from "./geofence.connection.js";
import { CreateGeofenceInput, UpdateGeofenceInput } from "./geofence.input.js";
import { Geofence, toGeofence } from "./geofence.type.js";
import {
  createGeofence,
  deleteGeofence,
  livePerson,
  MAX_GEOFENCES,
  managedFence,
  updateGeofence,
  updateMyLocation,
} from "./geofences.service.js";
import { listFenceVendors, listGeofences } from "./list-geofences.js";

@Resolver(() => Geofence)
export class GeofencesResolver {
  @Authorized()
  @Query(() => GeofenceConnection, {
    description: "The signed-in person's alert zones, newest first.",
  })
  async myGeofences(
    @Ctx() ctx: LocationContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<GeofenceConnection> {
    return listGeofences(ctx, "ALERT_ZONE", await livePerson(ctx), first, after);
  }

  @Authorized()
  @Query(() => Geofence, {
    nullable: true,
    description:
      "A geofence by id: the signed-in person's own alert zone, a zone of a vendor they own, or any for an ADMIN; null otherwise.",
  })
  async geofence(
    @Arg("id", () => ID, { description: "The geofence's id." }) id: string,
    @Ctx() ctx: LocationContext,
  ): Promise<Geofence | null> {
    if (ctx.viewer.userId !== null) await livePerson(ctx);
    const fence = await managedFence(ctx, id);
    return fence ? toGeofence(fence) : null;
  }

  @Authorized()
  @Mutation(() => Geofence, {
    description: `Creates a geofence. An ALERT_ZONE is the signed-in person's own (at most ${MAX_GEOFENCES.ALERT_ZONE}); a VENDOR_ZONE belongs to a vendor (at most ${MAX_GEOFENCES.VENDOR_ZONE}), created by its owner or an ADMIN. Vendors already inside enter it at once.`,
  })
  async createGeofence(
    @Arg("input", () => CreateGeofenceInput, { description: "The new geofence." }) input: CreateGeofenceInput,
    @Ctx() ctx: LocationContext,
  ): Promise<Geofence> {
    return toGeofence((await createGeofence(ctx, input)).fence);
  }

  @Authorized()
  @Mutation(() => Geofence, {
    description:
      "Renames, redraws or (un)pins a geofence and returns it. Only its owner (the vendor's owner for a VENDOR_ZONE) or an ADMIN may; anyone else's is NOT_FOUND.",
  })
  async updateGeofence(
    @Arg("input", () => UpdateGeofenceInput, { description: "The changes." }) input: UpdateGeofenceInput,
    @Ctx() ctx: LocationContext,
  ): Promise<Geofence> {
    return toGeofence((await updateGeofence(ctx, input)).fence);
  }

  @Authorized()
  @Mutation(() => ID, {
    description:
      "Deletes a geofence and returns its id; the vendors inside are simply forgotten, without EXIT events. Only its owner or an ADMIN may; anyone else's is NOT_FOUND.",
  })
  deleteGeofence(
    @Arg("id", () => ID, { description: "The geofence to delete." }) id: string,
    @Ctx() ctx: LocationContext,
  ): Promise<string> {
    return deleteGeofence(ctx, id);
  }

  @Authorized()
  @Mutation(() => [Geofence], {
    description:
      "Tells where the signed-in person is: each of their roaming alert zones moves its centre there, and the vendors it now covers or no longer covers enter or leave it. Returns the zones moved (none without a roaming zone). The position itself is not kept.",
  })
  async updateMyLocation(
    @Arg("location", () => GeoPointInput, {
      description: "Where the person is; latitude between -85 and 85.",
    })
    location: GeoPointInput,
    @Ctx() ctx: LocationContext,
  ): Promise<Geofence[]> {
    return (await updateMyLocation(ctx, location)).map((write) => toGeofence(write.fence));
  }

  @FieldResolver(() => Vendor, {
    nullable: true,
    description: "The vendor a VENDOR_ZONE belongs to and watches; null for an ALERT_ZONE.",
  })
  vendor(@Root() fence: Geofence): Vendor | null {
    return fence.kind === "VENDOR_ZONE" ? { id: fence.ownerId } : null;
  }

  @FieldResolver(() => GeofenceVendorConnection, {
    description:
      "The vendors inside now (live, and listed for an ALERT_ZONE), latest arrival first. A vendor that stops broadcasting leaves.",
  })
  vendorsInside(
    @Root() fence: Geofence,
    @Ctx() ctx: LocationContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<GeofenceVendorConnection> {
    return listFenceVendors(ctx, fence.id, first, after);
  }
}
