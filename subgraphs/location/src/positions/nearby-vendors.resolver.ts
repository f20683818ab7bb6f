import { createHash } from "node:crypto";
import { badUserInput, pageInfo, pageSize, validPoint, validRadius } from "@venta/kit";
import { decodeCursor, encodeCursor } from "@venta/store";
import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from "type-graphql";
import type { LocationContext } from "../context.js";
import { GeoPointInput } from "./geo.type.js";
import { NearbyVendorConnection, NearbyVendorsFilter } from "./nearby-vendors.type.js";
import type { NearbyArea, NearbyFilter, NearbyKey } from "./position.record.js";
import { validCuisineFilter } from "./position.validation.js";

const CURSOR_KIND = "nearby";

/**
 * Ties a cursor to its search, so one taken from another search is refused rather than misread.
 * The live-only cut-off and the open-now instant move with the clock, so only whether they apply
 * is part of the search.
 */
function fingerprint({ center, radiusMeters, filter }: NearbyArea): string {
  const key = JSON.stringify([
    center.lat,
    center.lng,
    radiusMeters,
    filter.cuisines ?? [],
    filter.openAt !== undefined,
    filter.recordedSince !== undefined,
    filter.within ?? null,
  ]);
  return createHash("sha256").update(key).digest("base64url").slice(0, 12);
}

function afterKey(after: string | null | undefined, searchFingerprint: string): NearbyKey | undefined {
  if (after === null || after === undefined) return undefined;
  const [print, distanceMeters, vendorId] = decodeCursor(CURSOR_KIND, after) ?? [];
  if (typeof distanceMeters !== "number" || typeof vendorId !== "string" || typeof print !== "string") {
    throw badUserInput("`after` is not a valid cursor", "after");
  }
  if (print !== searchFingerprint) throw badUserInput("`after` is a cursor from a different search", "after");
  return { distanceMeters, vendorId };
}

@Resolver(() => NearbyVendorConnection)
export class NearbyVendorsResolver {
  @Query(() => NearbyVendorConnection, {
    description:
      "Vendors within `radiusMeters` of `near`, nearest first by great-circle distance. Filters apply before paging, so pages and `totalCount` agree.",
  })
  nearbyVendors(
    @Ctx() ctx: LocationContext,
    @Arg("near", () => GeoPointInput, { description: "The point to search around, usually the customer." })
    near: GeoPointInput,
    @Arg("radiusMeters", () => Float, {
      nullable: true,
      defaultValue: 2000,
      description: "Search radius in meters, up to 50000.",
    })
    radiusMeters: number | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: "Page size, 1 to 100." })
    first: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
    @Arg("filter", () => NearbyVendorsFilter, {
      nullable: true,
      description: "Conditions the vendors must meet.",
    })
    filter?: NearbyVendorsFilter | null,
  ): Promise<NearbyVendorConnection> {
    const center = validPoint(near, "near");
    // Nullable as the public contract has it; an explicit null means the default.
    const radius = validRadius(radiusMeters ?? 2000);
    const size = pageSize(first ?? 20);
    const storeFilter: NearbyFilter = {
      cuisines: validCuisineFilter(filter?.cuisines),
      // Open by status and published hours at this request's instant, as `Vendor.openNow` judges.
      openAt: filter?.openNow === true ? ctx.now : undefined,
      recordedSince: filter?.liveOnly
        ? new Date(ctx.now.getTime() - ctx.services.liveWindowSeconds * 1000)
        : undefined,
    };
    return nearbyPage(ctx, { center, radiusMeters: radius, filter: storeFilter }, size, after);
  }

  @FieldResolver(() => Int, { description: "How many vendors match the search over all pages." })
  totalCount(@Root() connection: NearbyVendorConnection, @Ctx() ctx: LocationContext): Promise<number> {
    return ctx.services.positions.countNearby(connection.query);
  }
}

/** One page of a proximity search, shared by `nearbyVendors` and `vendorsWithin`. */
export async function nearbyPage(
  ctx: LocationContext,
  area: NearbyArea,
  size: number,
  after: string | null | undefined,
): Promise<NearbyVendorConnection> {
  const print = fingerprint(area);
  const key = afterKey(after, print);
  const page = await ctx.services.positions.nearby({ ...area, first: size, after: key });
  const edges = page.hits.map(({ distanceMeters, position }) => {
    ctx.loaders.position.prime(position.vendorId, position);
    return {
      cursor: encodeCursor(CURSOR_KIND, [print, distanceMeters, position.vendorId]),
      distanceMeters,
      node: { id: position.vendorId },
    };
  });
  return {
    edges,
    pageInfo: pageInfo(edges, page.hasNextPage, key !== undefined),
    query: { ...area, first: size, after: key },
  };
}
