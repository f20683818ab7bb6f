import { forbidden, Role } from "@venta/auth";
import { notFound } from "@venta/kit";
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import { assertCanManage } from "../vendors/vendor.access.js";
import type { VendorRecord } from "../vendors/vendor.record.js";
import { Vendor } from "../vendors/vendor.type.js";
import { listReviewQueue } from "./list-review-queue.js";
import { VendorReviewConnection } from "./review-queue.connection.js";
import { MAX_REASON_LENGTH } from "./review-steps.js";

/** The person taking a review step, for the event; only people hold the roles these need. */
function actorOf(ctx: MarketplaceContext): string {
  if (ctx.viewer.userId === null) throw forbidden("only a signed-in person may do this");
  return ctx.viewer.userId;
}

/** Vendor onboarding: owners submit their vendors for review; admins work through the queue. */
@Resolver(() => Vendor)
export class OnboardingResolver {
  @Authorized(Role.Vendor, Role.Admin)
  @Mutation(() => Vendor, {
    description:
      "Submits a DRAFT or REJECTED vendor for review by an admin; it is listed for customers once VERIFIED. Only its owner or an ADMIN may. CONFLICT in any other state.",
  })
  async submitVendorForReview(
    @Arg("vendorId", () => ID, { description: "The vendor to submit." }) vendorId: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<VendorRecord> {
    const vendor = await ctx.loaders.vendor.load(vendorId);
    if (!vendor) throw notFound(`no vendor with id ${vendorId}`);
    assertCanManage(ctx.viewer, vendor);
    return ctx.services.onboarding.submit(vendorId, actorOf(ctx));
  }

  @Authorized(Role.Admin)
  @Mutation(() => Vendor, {
    description:
      "Verifies a SUBMITTED vendor: from now on customers see it. ADMIN only. CONFLICT in any other state.",
  })
  verifyVendor(
    @Arg("vendorId", () => ID, { description: "The vendor to verify." }) vendorId: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<VendorRecord> {
    return ctx.services.onboarding.verify(vendorId, actorOf(ctx));
  }

  @Authorized(Role.Admin)
  @Mutation(() => Vendor, {
    description:
      "Rejects a SUBMITTED vendor with a reason its owner sees; the owner may edit it and submit it again. ADMIN only. CONFLICT in any other state.",
  })
  rejectVendor(
    @Arg("vendorId", () => ID, { description: "The vendor to reject." }) vendorId: string,
    @Arg("reason", () => String, {
      description: `What the owner must fix, 1 to ${MAX_REASON_LENGTH} characters.`,
    })
    reason: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<VendorRecord> {
    return ctx.services.onboarding.reject(vendorId, actorOf(ctx), reason);
  }

  @Authorized(Role.Admin)
  @Query(() => VendorReviewConnection, {
    description: "Vendors waiting for review (SUBMITTED), oldest submission first. ADMIN only.",
  })
  vendorReviewQueue(
    @Ctx() ctx: MarketplaceContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<VendorReviewConnection> {
    return listReviewQueue(ctx, first, after);
  }
}
