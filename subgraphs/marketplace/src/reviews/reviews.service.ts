import { randomUUID } from "node:crypto";
import { forbidden, isAdmin, type Viewer } from "@venta/auth";
import { type DomainEvent, newEvent } from "@venta/events";
import { conflict, notFound } from "@venta/kit";
import { assertLiveAccount } from "../users/account-status.js";
import type { UsersStore } from "../users/users.store.js";
import { assertCanManage, seen } from "../vendors/vendor.access.js";
import type { VendorsStore } from "../vendors/vendors.store.js";
import {
  blockedWordsPattern,
  DEFAULT_MODERATION,
  flagsOf,
  type ReviewModerationOptions,
} from "./review.moderation.js";
import { averageOf, type ReviewRecord, type VendorRatingRecord } from "./review.record.js";
import { MAX_REPLY_TEXT, validRating, validReason, validText } from "./review.validation.js";
import type { ReviewsStore, ReviewWrite } from "./reviews.store.js";

export interface ReviewInput {
  vendorId: string;
  rating: number;
  text: string;
}

export type ModerationDecision = "APPROVE" | "REJECT";

export interface ReviewsServiceOptions extends Partial<ReviewModerationOptions> {
  /** The clock; tests and the seed set it. */
  now?: () => Date;
}

/** How often a write that lost a race re-reads and tries again before giving up. */
const ATTEMPTS = 5;

/**
 * Review rules: who may review, reply, vote and moderate; automatic moderation; and the events
 * that announce reviews and every move of a vendor's rating. The rating itself moves in the store,
 * in the same atomic step as the review write.
 */
export class ReviewsService {
  private readonly moderation: ReviewModerationOptions;
  private readonly blocked: RegExp | null;
  private readonly now: () => Date;

  constructor(
    private readonly reviews: ReviewsStore,
    private readonly vendors: VendorsStore,
    private readonly users: UsersStore,
    options: ReviewsServiceOptions = {},
  ) {
    const { now, ...moderation } = options;
    this.moderation = { ...DEFAULT_MODERATION, ...moderation };
    this.blocked = blockedWordsPattern(this.moderation.blockedWords);
    this.now = now ?? (() => new Date());
  }

  /**
   * Writes the author's review of a vendor, or edits the one they have. A review whose text or pace
   * looks wrong waits, PENDING, for a moderator; so does the edit of a rejected review, which only
   * a moderator brings back.
   */
  async submit(viewer: Viewer, input: ReviewInput): Promise<ReviewRecord> {
    const rating = validRating(input.rating);
    const text = validText(input.text);
    const authorId = await assertLiveAccount(this.users, viewer.userId);
    // A vendor the author may not see (not verified yet) is as good as unknown.
    const vendor = seen(viewer, await this.vendors.findById(input.vendorId));
    if (!vendor) throw notFound(`no vendor with id ${input.vendorId}`);
    if (vendor.ownerId === authorId) throw forbidden("you cannot review a vendor you own");

    const now = this.now();
    const recent = await this.reviews.countRecentByAuthor(
      authorId,
      new Date(now.getTime() - this.moderation.burstWindowMs),
      vendor.id,
    );
    // This submission is one more on top of the recent ones.
    const flags = flagsOf(text, this.blocked, recent + 1 > this.moderation.burstLimit);
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const previous = await this.reviews.findByAuthorAndVendor(authorId, vendor.id);
      const held = flags.length > 0 || previous?.status === "REJECTED";
      const next: ReviewRecord = {
        id: previous?.id ?? randomUUID(),
        vendorId: vendor.id,
        authorId,
        rating,
        text,
        status: held ? "PENDING" : "PUBLISHED",
        flags,
        reply: previous?.reply ?? null,
        helpfulCount: previous?.helpfulCount ?? 0,
        moderation: previous?.moderation ?? null,
        version: (previous?.version ?? 0) + 1,
        createdAt: previous?.createdAt ?? now,
        updatedAt: now,
      };
      const write = await this.reviews.save(next, previous, now, (done) =>
        done.written
          ? [
              newEvent("marketplace.review_submitted", {
                reviewId: next.id,
                vendorId: next.vendorId,
                authorId,
                rating,
                status: held ? "PENDING" : "PUBLISHED",
                submittedAt: now.toISOString(),
              }),
              ...ratingMoves(done),
            ]
          : [],
      );
      if (write.written) return next;
    }
    throw conflict("your review is being changed concurrently; retry");
  }

  /** An admin's decision: APPROVE publishes the review (it counts), REJECT hides it (it does not). */
  async moderate(
    moderatorId: string,
    reviewId: string,
    decision: ModerationDecision,
    reason: string | null | undefined,
  ): Promise<ReviewRecord> {
    const why = validReason(reason);
    const status = decision === "APPROVE" ? "PUBLISHED" : "REJECTED";
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const previous = await this.reviews.findById(reviewId);
      if (!previous) throw notFound(`no review with id ${reviewId}`);
      const now = this.now();
      const next: ReviewRecord = {
        ...previous,
        status,
        moderation: {
          decision: decision === "APPROVE" ? "APPROVED" : "REJECTED",
          reason: why,
          moderatorId,
          at: now,
        },
        version: previous.version + 1,
      };
      const write = await this.reviews.save(next, previous, now, (done) =>
        done.written
          ? [
              newEvent("marketplace.review_moderated", {
                reviewId,
                vendorId: next.vendorId,
                decision: next.moderation?.decision ?? "REJECTED",
                moderatorId,
                at: now.toISOString(),
              }),
              ...ratingMoves(done),
            ]
          : [],
      );
      if (write.written) return next;
    }
    throw conflict(`review ${reviewId} is being changed concurrently; retry`);
  }

  /** The vendor's one public answer: its owner (or an admin) sets it, and setting it again replaces it. */
  async reply(viewer: Viewer, reviewId: string, text: string): Promise<ReviewRecord> {
    const reply = validText(text, "text", MAX_REPLY_TEXT);
    const review = await this.reviews.findById(reviewId);
    if (review?.status !== "PUBLISHED") throw notFound(`no published review with id ${reviewId}`);
    const vendor = await this.vendors.findById(review.vendorId);
    if (!vendor) throw notFound(`no vendor with id ${review.vendorId}`);
    assertCanManage(viewer, vendor);
    const replied = await this.reviews.setReply(reviewId, {
      text: reply,
      authorId: viewer.userId as string,
      repliedAt: this.now(),
    });
    if (!replied) throw notFound(`no review with id ${reviewId}`);
    return replied;
  }

  /** Marks a published review helpful (or takes the mark back); once per person, never one's own. */
  async setHelpful(viewer: Viewer, reviewId: string, helpful: boolean): Promise<ReviewRecord> {
    const userId = helpful ? await assertLiveAccount(this.users, viewer.userId) : viewer.userId;
    if (userId === null) throw forbidden("only a signed-in person may mark reviews helpful");
    const review = await this.reviews.findById(reviewId);
    const vendor = review && (await this.vendors.findById(review.vendorId));
    if (review?.status !== "PUBLISHED" || !seen(viewer, vendor ?? null))
      throw notFound(`no published review with id ${reviewId}`);
    if (review.authorId === userId) throw forbidden("you cannot mark your own review helpful");
    const changed = helpful
      ? await this.reviews.addHelpfulVote(reviewId, userId, this.now())
      : await this.reviews.removeHelpfulVote(reviewId, userId);
    if (!changed) return review;
    return (await this.reviews.findById(reviewId)) ?? review;
  }

  /** Deletes a review for good: its author or an admin may. */
  async delete(viewer: Viewer, reviewId: string): Promise<ReviewRecord> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const review = await this.reviews.findById(reviewId);
      if (!review) throw notFound(`no review with id ${reviewId}`);
      if (!isAdmin(viewer) && viewer.userId !== review.authorId)
        throw forbidden("only its author or an admin may delete a review");
      const write = await this.reviews.delete(review, this.now(), ratingMoves);
      if (write.written) return review;
    }
    throw conflict(`review ${reviewId} is being changed concurrently; retry`);
  }
}

/** The rating's own time orders these events per vendor, however writes interleave. */
function ratingMoves(write: ReviewWrite): DomainEvent[] {
  if (!write.written || write.rating === null) return [];
  const rating: VendorRatingRecord = write.rating;
  return [
    newEvent("marketplace.rating_changed", {
      vendorId: rating.vendorId,
      average: averageOf(rating),
      count: rating.count,
      updatedAt: rating.updatedAt.toISOString(),
    }),
  ];
}
