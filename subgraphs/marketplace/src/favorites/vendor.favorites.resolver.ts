import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import type { VendorRecord } from "../vendors/vendor.record.js";
import { Vendor } from "../vendors/vendor.type.js";

@Resolver(() => Vendor)
export class VendorFavoritesResolver {
  @FieldResolver(() => Boolean, {
    description: "Whether the signed-in person has the vendor among their favorites; false when signed out.",
  })
  isFavorite(@Root() vendor: VendorRecord, @Ctx() ctx: MarketplaceContext): Promise<boolean> {
    return ctx.loaders.isFavorite.load(vendor.id);
  }

  @FieldResolver(() => Int, { description: "How many people have the vendor among their favorites." })
  favoritesCount(@Root() vendor: VendorRecord, @Ctx() ctx: MarketplaceContext): Promise<number> {
    return ctx.loaders.favoritesCount.load(vendor.id);
  }
}
