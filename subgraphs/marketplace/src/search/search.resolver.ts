import { MAX_RADIUS_METERS, pageInfo } from "@venta/kit";
import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import { type Highlight, highlightsOf } from "./highlights.js";
import { RANKING_FORMULA } from "./ranking.js";
import { SearchHighlight, VendorSearchConnection, VendorSearchEdge } from "./search.connection.js";
import { GeoPointInput, SearchVendorsFilter } from "./search.input.js";
import { MAX_SEARCH_CANDIDATES } from "./search.service.js";
import { DEFAULT_SEARCH_RADIUS_METERS, MAX_SEARCH_PAGE } from "./search.validation.js";
import { vendorNodes } from "./vendor-nodes.js";

@Resolver(() => VendorSearchEdge)
export class SearchResolver {
  @Query(() => VendorSearchConnection, {
    description: `Vendors whose name, cuisines, menu items or description contain every word of \`query\` (the last word as a prefix, for search as you type; case and accents ignored), best first. With \`near\`, only vendors whose latest position is within \`radiusMeters\`. Ranking: ${RANKING_FORMULA} At most the ${MAX_SEARCH_CANDIDATES} best text matches are ranked; pages and \`totalCount\` agree. Public.`,
  })
  async searchVendors(
    @Ctx() ctx: MarketplaceContext,
    @Arg("query", () => String, {
      description:
        "What the customer typed: 1 to 8 words, up to 200 characters. Punctuation only separates words.",
    })
    query: string,
    @Arg("near", () => GeoPointInput, {
      nullable: true,
      description: "Search around this point (usually the customer); distance then counts in the ranking.",
    })
    near?: GeoPointInput | null,
    @Arg("radiusMeters", () => Float, {
      nullable: true,
      defaultValue: DEFAULT_SEARCH_RADIUS_METERS,
      description: `Search radius around \`near\` in meters, up to ${MAX_RADIUS_METERS}.`,
    })
    radiusMeters?: number | null,
    @Arg("filter", () => SearchVendorsFilter, {
      nullable: true,
      description: "Conditions the vendors must meet.",
    })
    filter?: SearchVendorsFilter | null,
    @Arg("first", () => Int, {
      nullable: true,
      defaultValue: 20,
      description: `Page size, 1 to ${MAX_SEARCH_PAGE}.`,
    })
    first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<VendorSearchConnection> {
    const result = await ctx.services.search.searchVendors({
      query,
      near,
      radiusMeters,
      cuisines: filter?.cuisines,
      openNow: filter?.openNow,
      liveOnly: filter?.liveOnly,
      first,
      after,
    });
    const nodes = await vendorNodes(
      ctx,
      result.hits.map((hit) => hit.vendorId),
    );
    const edges = result.hits.flatMap(({ vendorId, cursor, score, distanceMeters }) => {
      const node = nodes.get(vendorId);
      return node ? [{ cursor, node, score, distanceMeters, terms: result.terms }] : [];
    });
    return {
      edges,
      pageInfo: pageInfo(edges, result.hasNextPage, result.hasPreviousPage),
      totalCount: result.totalCount,
    };
  }

  @FieldResolver(() => [SearchHighlight], {
    description: `Why the vendor matched: up to 5 of its texts holding a query word (name, cuisines, menu items, description, in that order), with where the words are.`,
  })
  async highlights(@Root() edge: VendorSearchEdge, @Ctx() ctx: MarketplaceContext): Promise<Highlight[]> {
    const document = await ctx.loaders.searchDocument.load(edge.node.id);
    return document ? highlightsOf(document, edge.terms) : [];
  }
}
