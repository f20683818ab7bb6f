import { greatCircleMeters } from "@venta/geo";
import { pageSize } from "@venta/kit";
import { validBox } from "@venta/live";
import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { LocationContext } from "../context.js";
import { BoundingBoxInput } from "./geo.type.js";
import { nearbyPage } from "./nearby-vendors.resolver.js";
import { NearbyVendorConnection } from "./nearby-vendors.type.js";

/** A map's first screen can hold a few hundred markers; more than that wants zooming in. */
const MAX_MARKERS = 500;

@Resolver()
export class VendorsWithinResolver {
  @Query(() => NearbyVendorConnection, {
    description:
      "Vendors positioned inside a box (at most 2° across), nearest to its centre first: the initial state of a live map, before subscribing to `vendorLocationUpdated(within:)`. Up to 500 per page.",
  })
  vendorsWithin(
    @Ctx() ctx: LocationContext,
    @Arg("box", () => BoundingBoxInput, { description: "The map's viewport." }) box: BoundingBoxInput,
    @Arg("first", () => Int, { defaultValue: 100, description: "Page size, 1 to 500." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<NearbyVendorConnection> {
    const within = validBox(box, "box");
    const center = { lat: (within.south + within.north) / 2, lng: (within.west + within.east) / 2 };
    const corners = [
      { lat: within.south, lng: within.west },
      { lat: within.south, lng: within.east },
      { lat: within.north, lng: within.west },
      { lat: within.north, lng: within.east },
    ];
    const radiusMeters = Math.max(...corners.map((corner) => greatCircleMeters(center, corner))) + 1;
    return nearbyPage(
      ctx,
      { center, radiusMeters, filter: { within } },
      pageSize(first, "first", MAX_MARKERS),
      after,
    );
  }
}
