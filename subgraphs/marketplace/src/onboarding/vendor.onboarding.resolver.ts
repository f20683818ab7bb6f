import { isAdmin } from "@venta/auth";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import type { VendorRecord, VendorVerification } from "../vendors/vendor.record.js";
import { Vendor } from "../vendors/vendor.type.js";
import { VendorVerificationEnum } from "./vendor-verification.type.js";

/** The review's details are between the owner and the admins. */
const isOwnerOrAdmin = (ctx: MarketplaceContext, vendor: VendorRecord) =>
  isAdmin(ctx.viewer) || (ctx.viewer.userId !== null && ctx.viewer.userId === vendor.ownerId);

/** Onboarding fields of `Vendor`: read from the vendor record itself, so no extra query. */
@Resolver(() => Vendor)
export class VendorOnboardingResolver {
  @FieldResolver(() => VendorVerificationEnum, {
    description:
      "Where the vendor is in onboarding. Customers only ever see VERIFIED vendors; owners and admins see every state.",
  })
  verification(@Root() vendor: VendorRecord): VendorVerification {
    return vendor.verification;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Why an admin rejected the vendor, while it is REJECTED. Only its owner and admins see it: null for anyone else.",
  })
  rejectionReason(@Root() vendor: VendorRecord, @Ctx() ctx: MarketplaceContext): string | null {
    return isOwnerOrAdmin(ctx, vendor) ? vendor.rejectionReason : null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      "When the vendor was last submitted for review (ISO 8601); null if never. Only its owner and admins see it: null for anyone else.",
  })
  submittedForReviewAt(@Root() vendor: VendorRecord, @Ctx() ctx: MarketplaceContext): Date | null {
    return isOwnerOrAdmin(ctx, vendor) ? vendor.submittedAt : null;
  }
}
