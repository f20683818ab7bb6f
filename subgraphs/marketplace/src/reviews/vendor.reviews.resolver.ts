import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import type { VendorRecord } from "../vendors/vendor.record.js";
import { Vendor } from "../vendors/vendor.type.js";
import { listVendorReviews } from "./list-reviews.js";
import { ReviewConnection } from "./review.connection.js";
import { averageOf, emptyRating } from "./review.record.js";
import { ReviewOrderEnum } from "./review.type.js";
import { VendorRating } from "./vendor-rating.type.js";

@Resolver(() => Vendor)
export class VendorReviewsResolver {
  @FieldResolver(() => VendorRating, {
    description: "The vendor's rating over its published reviews, kept up to date with every review.",
  })
  async rating(@Root() vendor: VendorRecord, @Ctx() ctx: MarketplaceContext): Promise<VendorRating> {
    const rating = (await ctx.loaders.vendorRating.load(vendor.id)) ?? emptyRating(vendor.id);
    return {
      average: averageOf(rating),
      count: rating.count,
      distribution: rating.distribution.map((count, i) => ({ stars: i + 1, count })),
    };
  }

  @FieldResolver(() => ReviewConnection, { description: "The vendor's published reviews." })
  reviews(
    @Root() vendor: VendorRecord,
    @Ctx() ctx: MarketplaceContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
    @Arg("orderBy", () => ReviewOrderEnum, {
      defaultValue: "NEWEST",
      description: "Newest first (the default), or most helpful first.",
    })
    orderBy?: keyof typeof ReviewOrderEnum,
  ): Promise<ReviewConnection> {
    return listVendorReviews(ctx, vendor.id, orderBy ?? "NEWEST", first, after);
  }
}
