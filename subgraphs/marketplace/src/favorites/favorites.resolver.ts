import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import type { VendorRecord } from "../vendors/vendor.record.js";
import { Vendor } from "../vendors/vendor.type.js";

/** The signed-in person's favorite vendors: adding and removing are idempotent. */
@Resolver(() => Vendor)
export class FavoritesResolver {
  @Authorized()
  @Mutation(() => Vendor, {
    description:
      "Adds a vendor to the signed-in person's favorites and returns it; adding it again changes nothing.",
  })
  addFavorite(
    @Arg("vendorId", () => ID, { description: "The vendor to favorite." }) vendorId: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<VendorRecord> {
    return ctx.services.favorites.add(ctx.viewer, vendorId);
  }

  @Authorized()
  @Mutation(() => Vendor, {
    description:
      "Takes a vendor off the signed-in person's favorites and returns it; removing one that is not a favorite changes nothing.",
  })
  removeFavorite(
    @Arg("vendorId", () => ID, { description: "The vendor to take off." }) vendorId: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<VendorRecord> {
    return ctx.services.favorites.remove(ctx.viewer, vendorId);
  }
}
