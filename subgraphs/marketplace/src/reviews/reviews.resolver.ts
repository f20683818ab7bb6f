import { Role } from "@venta/auth";
import { notFound } from "@venta/kit";
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { MarketplaceContext } from "../context.js";
import type { UserRecord } from "../users/user.record.js";
import { User } from "../users/user.type.js";
import { seen } from "../vendors/vendor.access.js";
import type { VendorRecord } from "../vendors/vendor.record.js";
import { Vendor } from "../vendors/vendor.type.js";
import { listModerationQueue } from "./list-reviews.js";
import { canSee, seesModeration } from "./review.access.js";
import { ReviewConnection } from "./review.connection.js";
import { SubmitReviewInput } from "./review.input.js";
import type { ReviewFlag, ReviewRecord } from "./review.record.js";
import { ModerationDecisionEnum, Review, ReviewFlagEnum, ReviewModeration } from "./review.type.js";

type ModerationDecision = keyof typeof ModerationDecisionEnum;

/** A review is shown only with a vendor the caller may see (unverified vendors are hidden). */
async function visibleWithVendor(
  ctx: MarketplaceContext,
  review: ReviewRecord,
): Promise<ReviewRecord | null> {
  return seen(ctx.viewer, await ctx.loaders.vendor.load(review.vendorId)) ? review : null;
}

@Resolver(() => Review)
export class ReviewsResolver {
  @Query(() => Review, {
    nullable: true,
    description:
      "A review by id, or null when there is none, it is not published (its author and admins still see it) or its vendor is hidden from the caller.",
  })
  async review(
    @Arg("id", () => ID, { description: "The review's id." }) id: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<ReviewRecord | null> {
    const review = await ctx.services.reviewsStore.findById(id);
    return review && canSee(ctx.viewer, review) ? visibleWithVendor(ctx, review) : null;
  }

  @Query(() => Review, {
    nullable: true,
    description:
      "The signed-in person's review of a vendor, whatever its status; null when signed out, when they have not reviewed it or when the vendor is hidden from them.",
  })
  async myReview(
    @Arg("vendorId", () => ID, { description: "The vendor reviewed." }) vendorId: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<ReviewRecord | null> {
    const userId = ctx.viewer.userId;
    if (!userId) return null;
    const review = await ctx.services.reviewsStore.findByAuthorAndVendor(userId, vendorId);
    return review ? visibleWithVendor(ctx, review) : null;
  }

  @Authorized(Role.Admin)
  @Query(() => ReviewConnection, {
    description:
      "Reviews held for moderation (PENDING), the longest waiting first, with their flags. ADMIN only.",
  })
  reviewModerationQueue(
    @Ctx() ctx: MarketplaceContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after?: string | null,
  ): Promise<ReviewConnection> {
    return listModerationQueue(ctx, first, after);
  }

  @Authorized()
  @Mutation(() => Review, {
    description:
      "Reviews a vendor as the signed-in person (who needs an account), or edits their review of it: one review per person and vendor. Not for the vendor's owner. A review with a blocked word, a link, or from a burst of reviews is PENDING until a moderator decides; so is the edit of a rejected review.",
  })
  submitReview(
    @Arg("input", () => SubmitReviewInput, { description: "The vendor, the stars and the text." })
    input: SubmitReviewInput,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<ReviewRecord> {
    return ctx.services.reviews.submit(ctx.viewer, input);
  }

  @Authorized()
  @Mutation(() => Review, {
    description:
      "Sets the vendor's public answer to a published review, replacing any earlier one. Only the vendor's owner or an ADMIN may.",
  })
  replyToReview(
    @Arg("reviewId", () => ID, { description: "The review answered." }) reviewId: string,
    @Arg("text", () => String, { description: "The answer, 1 to 2000 characters once trimmed." })
    text: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<ReviewRecord> {
    return ctx.services.reviews.reply(ctx.viewer, reviewId, text);
  }

  @Authorized()
  @Mutation(() => Review, {
    description:
      "Marks a published review helpful, once per person (marking it again changes nothing). Not for one's own review.",
  })
  markReviewHelpful(
    @Arg("reviewId", () => ID, { description: "The review." }) reviewId: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<ReviewRecord> {
    return ctx.services.reviews.setHelpful(ctx.viewer, reviewId, true);
  }

  @Authorized()
  @Mutation(() => Review, {
    description: "Takes back the caller's helpful mark on a review; without one, nothing changes.",
  })
  unmarkReviewHelpful(
    @Arg("reviewId", () => ID, { description: "The review." }) reviewId: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<ReviewRecord> {
    return ctx.services.reviews.setHelpful(ctx.viewer, reviewId, false);
  }

  @Authorized(Role.Admin)
  @Mutation(() => Review, {
    description:
      "Decides on a review: APPROVE publishes it (it counts in the vendor's rating), REJECT hides it (it does not). ADMIN only.",
  })
  moderateReview(
    @Arg("id", () => ID, { description: "The review." }) id: string,
    @Arg("decision", () => ModerationDecisionEnum, { description: "Publish it or refuse it." })
    decision: ModerationDecision,
    @Arg("reason", () => String, {
      nullable: true,
      description: "Why, up to 500 characters; its author sees it.",
    })
    reason: string | null | undefined,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<ReviewRecord> {
    return ctx.services.reviews.moderate(ctx.viewer.userId as string, id, decision, reason);
  }

  @Authorized()
  @Mutation(() => ID, {
    description: "Deletes a review for good and returns its id. Only its author or an ADMIN may.",
  })
  async deleteReview(
    @Arg("id", () => ID, { description: "The review." }) id: string,
    @Ctx() ctx: MarketplaceContext,
  ): Promise<string> {
    return (await ctx.services.reviews.delete(ctx.viewer, id)).id;
  }

  @FieldResolver(() => Vendor, { description: "The vendor reviewed." })
  async vendor(@Root() review: ReviewRecord, @Ctx() ctx: MarketplaceContext): Promise<VendorRecord> {
    const vendor = await ctx.loaders.vendor.load(review.vendorId);
    if (!vendor) throw notFound(`vendor ${review.vendorId} of review ${review.id} is gone`);
    return vendor;
  }

  @FieldResolver(() => User, { nullable: true, description: "Who wrote it; null if the account is gone." })
  author(@Root() review: ReviewRecord, @Ctx() ctx: MarketplaceContext): Promise<UserRecord | null> {
    return ctx.loaders.user.load(review.authorId);
  }

  @FieldResolver(() => Boolean, {
    description: "Whether the caller marked it helpful; false when signed out.",
  })
  markedHelpfulByMe(@Root() review: ReviewRecord, @Ctx() ctx: MarketplaceContext): Promise<boolean> {
    return ctx.loaders.reviewMarkedHelpful.load(review.id);
  }

  @FieldResolver(() => [ReviewFlagEnum], {
    nullable: true,
    description:
      "What automatic moderation found in the latest text (empty when nothing). Only its author and admins see it; null for anyone else.",
  })
  flags(@Root() review: ReviewRecord, @Ctx() ctx: MarketplaceContext): ReviewFlag[] | null {
    return seesModeration(ctx.viewer, review) ? review.flags : null;
  }

  @FieldResolver(() => ReviewModeration, {
    nullable: true,
    description:
      "A moderator's last decision, which may predate the latest edit; null when none. Only its author and admins see it.",
  })
  moderation(@Root() review: ReviewRecord, @Ctx() ctx: MarketplaceContext): ReviewModeration | null {
    if (!review.moderation || !seesModeration(ctx.viewer, review)) return null;
    return {
      decision: review.moderation.decision === "APPROVED" ? "APPROVE" : "REJECT",
      reason: review.moderation.reason,
      moderatedAt: review.moderation.at,
    };
  }
}
