import type { PersonalDataEraser, PersonalDataExporter } from "../users/personal-data.js";
import type { ReviewRecord } from "./review.record.js";
import type { ReviewsStore } from "./reviews.store.js";

const ATTEMPTS = 5;

/**
 * Reviews' share of GDPR. A person's reviews are deleted, not anonymised (their words are theirs),
 * each taken out of its vendor's rating as any deletion is; their helpful votes are withdrawn.
 * Replies and moderation decisions belong to the vendor and the moderators and stay.
 */
export class ReviewsPersonalData implements PersonalDataEraser, PersonalDataExporter {
  readonly module = "reviews";

  constructor(
    private readonly reviews: ReviewsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async eraseUser(userId: string): Promise<void> {
    for (const review of await this.reviews.listByAuthor(userId)) await this.delete(review);
    for (const vote of await this.reviews.helpfulVotesBy(userId))
      await this.reviews.removeHelpfulVote(vote.reviewId, userId);
  }

  async exportUser(userId: string): Promise<unknown> {
    const [reviews, votes] = await Promise.all([
      this.reviews.listByAuthor(userId),
      this.reviews.helpfulVotesBy(userId),
    ]);
    return {
      reviews: reviews.map((review) => ({
        id: review.id,
        vendorId: review.vendorId,
        rating: review.rating,
        text: review.text,
        status: review.status,
        flags: review.flags,
        moderation: review.moderation
          ? {
              decision: review.moderation.decision,
              reason: review.moderation.reason,
              at: review.moderation.at,
            }
          : null,
        createdAt: review.createdAt,
        updatedAt: review.updatedAt,
      })),
      helpfulVotes: votes,
    };
  }

  /** Deletes at whatever version the review has by now; an edit in between only means another try. */
  private async delete(review: ReviewRecord): Promise<void> {
    let current: ReviewRecord | null = review;
    for (let attempt = 0; attempt < ATTEMPTS && current; attempt += 1) {
      if ((await this.reviews.delete(current, this.now())).written) return;
      current = await this.reviews.findById(review.id);
    }
    if (current) throw new Error(`review ${review.id} kept changing while its author was being erased`);
  }
}
