import { forbidden, Role } from "@venta/auth";
import { notFound } from "@venta/kit";
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import { assertCanManage } from "../vendors/vendor.access.js";
import { mayReadDocuments } from "./document-access.js";
import { MAX_MEDIA_BYTES } from "./media-content.js";
import type { VendorMediaKind, VendorMediaRecord } from "./vendor-media.record.js";
import { VendorMedia, VendorMediaKindEnum } from "./vendor-media.type.js";

/** Uploading and deleting a vendor's files: its owner's and the admins' business only. */
@Resolver(() => VendorMedia)
export class VendorMediaResolver {
  @FieldResolver(() => String, {
    description:
      "Where to fetch the file. A photo's address is public and permanent. A business document's is a link minted for this response that works for a few minutes only: ask the API again rather than keeping it.",
  })
  async url(@Root() media: VendorMediaRecord, @Ctx() ctx: MarketplaceContext): Promise<string> {
    if (media.kind === "PHOTO") return media.url;
    // The stored URL of a document is never shown: it predates signed links and would not open.
    const vendor = await ctx.loaders.vendor.load(media.vendorId);
    if (!mayReadDocuments(ctx.viewer, vendor?.ownerId ?? null))
      throw forbidden("only the vendor's owner and admins may read its documents");
    return ctx.services.documentLinks.urlFor(media.storageKey);
  }

  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => VendorMedia, {
    description: `Uploads a photo or a business document of a vendor, inline as base64 (at most ${MAX_MEDIA_BYTES} bytes decoded). The declared type must match the file's content: JPEG, PNG or WebP, and PDF for documents. Only the vendor's owner or an ADMIN may. A file that is refused is not stored.`,
  })
  async uploadVendorMedia(
    @Arg("vendorId", () => ID, { description: "The vendor the file belongs to." }) vendorId: string,
    @Arg("kind", () => VendorMediaKindEnum, { description: "What the file is for." }) kind: VendorMediaKind,
    @Arg("fileName", () => String, { description: "The file's name, 1 to 200 characters, for display." })
    fileName: string,
    @Arg("contentType", () => String, {
      description: "The file's type: image/jpeg, image/png, image/webp, or application/pdf for documents.",
    })
    contentType: string,
    @Arg("dataBase64", () => String, { description: "The file's bytes in standard base64." })
    dataBase64: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<VendorMediaRecord> {
    const vendor = await ctx.loaders.vendor.load(vendorId);
    if (!vendor) throw notFound(`no vendor with id ${vendorId}`);
    assertCanManage(ctx.viewer, vendor);
    if (ctx.viewer.userId === null) throw forbidden("only a signed-in person may upload files");
    return ctx.services.vendorMedia.upload(
      vendor,
      { kind, fileName, contentType, dataBase64 },
      ctx.viewer.userId,
    );
  }

  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => ID, {
    description:
      "Deletes a vendor's photo or document, and returns its id. Only the vendor's owner or an ADMIN may.",
  })
  async deleteVendorMedia(
    @Arg("id", () => ID, { description: "The file's id." }) id: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<string> {
    const media = await ctx.services.vendorMediaStore.findById(id);
    if (!media) throw notFound(`no vendor media with id ${id}`);
    const vendor = await ctx.loaders.vendor.load(media.vendorId);
    // A file whose vendor is gone is an admin's to clean up.
    assertCanManage(ctx.viewer, vendor ?? { id: media.vendorId, ownerId: "" });
    return (await ctx.services.vendorMedia.delete(id)).id;
  }
}
