import { MAX_RADIUS_METERS, pageInfo } from "@venta/kit";
import { Arg, Ctx, Float, Int, Query, Resolver } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import { TRENDING_FORMULA } from "./ranking.js";
import { VendorTrendingConnection } from "./search.connection.js";
import { GeoPointInput } from "./search.input.js";
import { DEFAULT_TRENDING_PAGE } from "./search.service.js";
import { DEFAULT_SEARCH_RADIUS_METERS, MAX_SEARCH_PAGE } from "./search.validation.js";
import { vendorNodes } from "./vendor-nodes.js";

@Resolver()
export class TrendingResolver {
  @Query(() => VendorTrendingConnection, {
    description: `Vendors within \`radiusMeters\` of \`near\` that customers are warming to, most active first; only vendors with some activity in the last 7 days. Ranking: ${TRENDING_FORMULA} Public.`,
  })
  async trendingVendors(
    @Ctx() ctx: MarketplaceContext,
    @Arg("near", () => GeoPointInput, { description: "The point to look around, usually the customer." })
    near: GeoPointInput,
    @Arg("radiusMeters", () => Float, {
      nullable: true,
      defaultValue: DEFAULT_SEARCH_RADIUS_METERS,
      description: `Radius around \`near\` in meters, up to ${MAX_RADIUS_METERS}.`,
    })
    radiusMeters?: number | null,
    @Arg("first", () => Int, {
      nullable: true,
      defaultValue: DEFAULT_TRENDING_PAGE,
      description: `Page size, 1 to ${MAX_SEARCH_PAGE}.`,
    })
    first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<VendorTrendingConnection> {
    const result = await ctx.services.search.trendingVendors({ near, radiusMeters, first, after });
    const nodes = await vendorNodes(
      ctx,
      result.hits.map((hit) => hit.vendorId),
    );
    const edges = result.hits.flatMap(({ vendorId, cursor, score, distanceMeters, favorites, reviews }) => {
      const node = nodes.get(vendorId);
      return node
        ? [{ cursor, node, score, distanceMeters, favoritesAdded: favorites, reviewsSubmitted: reviews }]
        : [];
    });
    return {
      edges,
      pageInfo: pageInfo(edges, result.hasNextPage, result.hasPreviousPage),
      totalCount: result.totalCount,
    };
  }
}
