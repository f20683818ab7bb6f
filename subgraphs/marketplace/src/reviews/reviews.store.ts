import type { Announce } from "@venta/events";
import type {
  ReviewListKey,
  ReviewOrder,
  ReviewQueueKey,
  ReviewRecord,
  ReviewReply,
  VendorRatingRecord,
} from "./review.record.js";

/**
 * What a review write did. `written` is false, writing nothing, when the stored review is not the
 * `previous` the caller read (another write came first), or when a new review meets one the same
 * author already has for the vendor: the caller reads again and retries. `rating` is the vendor's
 * new rating when the write moved it, null when it did not.
 */
export type ReviewWrite = { written: true; rating: VendorRatingRecord | null } | { written: false };

export interface HelpfulVote {
  reviewId: string;
  createdAt: Date;
}

export interface ReviewPage {
  records: ReviewRecord[];
  hasNextPage: boolean;
}

/** Where reviews, helpful votes and vendors' ratings live. Each adapter must pass `reviews.store.contract.ts`. */
export interface ReviewsStore {
  /**
   * Writes `next`: a new review when `previous` is null, else the next version of `previous` (only if
   * the stored version still is `previous.version`). The vendor's rating moves by the difference
   * between the two in the same atomic step: the old stars out, the new ones in, published ones only.
   * An update writes the author's and the moderator's fields (rating, text, status, flags, moderation,
   * version, updatedAt); the reply and the helpful count have their own writes and are kept.
   * `at` is when it happens: the rating's `updatedAt` becomes the later of `at` and 1 ms after its last.
   * What `announce` makes of the outcome goes to the outbox in the same atomic step.
   */
  save(
    next: ReviewRecord,
    previous: ReviewRecord | null,
    at: Date,
    announce?: Announce<ReviewWrite>,
  ): Promise<ReviewWrite>;
  /**
   * Deletes the review (only at `previous.version`) with its helpful votes, and takes it out of the
   * rating; what `announce` makes of the outcome goes to the outbox in the same atomic step.
   */
  delete(previous: ReviewRecord, at: Date, announce?: Announce<ReviewWrite>): Promise<ReviewWrite>;
  findById(id: string): Promise<ReviewRecord | null>;
  findByAuthorAndVendor(authorId: string, vendorId: string): Promise<ReviewRecord | null>;
  /** Every review the person wrote, whatever its status, oldest first (for their personal data). */
  listByAuthor(authorId: string): Promise<ReviewRecord[]>;
  /** Every helpful vote the person cast (for their personal data). */
  helpfulVotesBy(userId: string): Promise<HelpfulVote[]>;
  /** How many reviews the author wrote or edited at or after `since`, not counting the one of `exceptVendorId`. */
  countRecentByAuthor(authorId: string, since: Date, exceptVendorId: string): Promise<number>;
  /** A vendor's PUBLISHED reviews: newest first, or most helpful first (then newest). */
  listPublished(
    vendorId: string,
    order: ReviewOrder,
    first: number,
    after?: ReviewListKey,
  ): Promise<ReviewPage>;
  /** PENDING reviews, the longest waiting (oldest `updatedAt`) first. */
  listPending(first: number, after?: ReviewQueueKey): Promise<ReviewPage>;
  countPending(): Promise<number>;
  /** Sets or replaces the review's reply; returns the review, or null when there is none. */
  setReply(reviewId: string, reply: ReviewReply): Promise<ReviewRecord | null>;
  /** Records one helpful vote per person and review; true when it was new (and the count grew). */
  addHelpfulVote(reviewId: string, userId: string, at: Date): Promise<boolean>;
  /** Withdraws the person's vote; true when there was one (and the count shrank). */
  removeHelpfulVote(reviewId: string, userId: string): Promise<boolean>;
  /** Which of these reviews the person marked helpful, in one round trip. */
  helpfulAmong(userId: string, reviewIds: readonly string[]): Promise<string[]>;
  /** The stored ratings of these vendors in one round trip; a vendor never reviewed is absent. */
  ratingsOf(vendorIds: readonly string[]): Promise<VendorRatingRecord[]>;
}
