import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import type { VendorRecord } from "../vendors/vendor.record.js";
import { Vendor } from "../vendors/vendor.type.js";
import { mayReadDocuments } from "./document-access.js";
import type { VendorMediaKind, VendorMediaRecord } from "./vendor-media.record.js";
import { VendorMedia } from "./vendor-media.type.js";

/** Every vendor of a response shares one query for its files, through the request's loader. */
async function filesOf(ctx: MarketplaceContext, vendor: VendorRecord, kind: VendorMediaKind) {
  return (await ctx.loaders.vendorMedia.load(vendor.id)).filter((media) => media.kind === kind);
}

/** `Vendor.photos` and `Vendor.documents`. */
@Resolver(() => Vendor)
export class VendorMediaFieldsResolver {
  @FieldResolver(() => [VendorMedia], { description: "The vendor's photos, oldest first." })
  photos(@Root() vendor: VendorRecord, @Ctx() ctx: MarketplaceContext): Promise<VendorMediaRecord[]> {
    return filesOf(ctx, vendor, "PHOTO");
  }

  @FieldResolver(() => [VendorMedia], {
    description:
      "The vendor's business documents (permits, licences), oldest first. Only its owner and admins see them: the list is empty for anyone else.",
  })
  async documents(
    @Root() vendor: VendorRecord,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<VendorMediaRecord[]> {
    return mayReadDocuments(ctx.viewer, vendor.ownerId) ? filesOf(ctx, vendor, "BUSINESS_DOCUMENT") : [];
  }
}
