import { type LiveEvent, MAX_VENDOR_IDS, parseArea } from "@venta/live";
import { Arg, Ctx, Float, ID, Root, Subscription } from "type-graphql";
import type { LocationContext } from "../context.js";
import { BoundingBoxInput, GeoPointInput } from "../positions/geo.type.js";
import { toVendorLocation } from "../positions/vendor-location.type.js";
import { VendorLocationEvent } from "./vendor-location-event.type.js";

interface AreaArgs {
  within?: BoundingBoxInput | null;
  near?: GeoPointInput | null;
  radiusMeters?: number | null;
  vendorIds?: string[] | null;
}

/** Turns a hub event into the GraphQL payload; the router does the same for the supergraph. */
export function toLocationEvent(event: LiveEvent, now: Date, liveWindowSeconds: number): VendorLocationEvent {
  return {
    kind: event.kind,
    vendor: { id: event.vendorId },
    location: toVendorLocation(
      { ...event.position, vendorId: event.vendorId, recordedAt: new Date(event.position.recordedAt) },
      now,
      liveWindowSeconds,
    ),
  };
}

export class VendorLocationUpdatedResolver {
  @Subscription(() => VendorLocationEvent, {
    description:
      "Live vendor movements in one area: a box (`within`, at most 2° across), a circle (`near` and `radiusMeters`, at most 50 km) or a list of vendors (`vendorIds`). Load the area's vendors with `vendorsWithin` first, then apply these events.",
    subscribe: ({ args, context }) =>
      (context as LocationContext).services.hub.subscribe(parseArea(args as AreaArgs)),
  })
  vendorLocationUpdated(
    @Root() event: LiveEvent,
    @Ctx() ctx: LocationContext,
    @Arg("vendorIds", () => [ID], {
      nullable: true,
      description: `Vendors to follow wherever they go: 1 to ${MAX_VENDOR_IDS} ids, else BAD_USER_INPUT.`,
    })
    _vendorIds: string[] | null,
    @Arg("radiusMeters", () => Float, {
      nullable: true,
      description: "The circle's radius in meters; 2000 by default.",
    })
    _radiusMeters: number | null,
    @Arg("near", () => GeoPointInput, { nullable: true, description: "The centre of a circle to watch." })
    _near: GeoPointInput | null,
    @Arg("within", () => BoundingBoxInput, { nullable: true, description: "A map viewport to watch." })
    _within: BoundingBoxInput | null,
  ): VendorLocationEvent {
    return toLocationEvent(event, new Date(), ctx.services.liveWindowSeconds);
  }
}
