/** Where a review stands: only PUBLISHED reviews are listed publicly and counted in ratings. */
export type ReviewStatus = "PUBLISHED" | "PENDING" | "REJECTED";

/** Why automatic moderation held a review back for a moderator. */
export type ReviewFlag = "BLOCKED_WORD" | "LINK" | "BURST";

export const REVIEW_FLAGS: readonly ReviewFlag[] = ["BLOCKED_WORD", "LINK", "BURST"];

/** The vendor's one answer to a review; setting it again replaces it. */
export interface ReviewReply {
  text: string;
  /** Who wrote it: the vendor's owner, or an admin on the vendor's behalf. */
  authorId: string;
  repliedAt: Date;
}

/** A moderator's last decision on a review. */
export interface ReviewModeration {
  decision: "APPROVED" | "REJECTED";
  reason: string | null;
  moderatorId: string;
  at: Date;
}

/** One person's review of one vendor: a person has at most one per vendor, and edits it in place. */
export interface ReviewRecord {
  id: string;
  vendorId: string;
  authorId: string;
  /** 1 to 5 stars. */
  rating: number;
  text: string;
  status: ReviewStatus;
  /** What automatic moderation found in the latest text; empty when nothing. */
  flags: ReviewFlag[];
  reply: ReviewReply | null;
  /** How many people marked the review helpful. */
  helpfulCount: number;
  moderation: ReviewModeration | null;
  /** Bumped whenever the rating or the status changes; guards the vendor's rating against races. */
  version: number;
  createdAt: Date;
  /** When the author last wrote it (created or edited); moderation, replies and votes leave it. */
  updatedAt: Date;
}

/**
 * A vendor's rating over its PUBLISHED reviews, kept up to date with every review write rather than
 * computed per request. `distribution[i]` counts the reviews of `i + 1` stars.
 */
export interface VendorRatingRecord {
  vendorId: string;
  count: number;
  /** Sum of the stars, so the average needs no scan. */
  sum: number;
  distribution: [number, number, number, number, number];
  /**
   * When the rating last moved. Strictly increasing per vendor in the order the moves were applied
   * (at least 1 ms after the previous one), so consumers can keep the newest of reordered events.
   */
  updatedAt: Date;
}

/** A vendor never reviewed. */
export const emptyRating = (vendorId: string): VendorRatingRecord => ({
  vendorId,
  count: 0,
  sum: 0,
  distribution: [0, 0, 0, 0, 0],
  updatedAt: new Date(0),
});

/** How a write changes a vendor's rating. */
export type RatingDelta = Omit<VendorRatingRecord, "vendorId" | "updatedAt">;

/** Null when the vendor has no published review. */
export const averageOf = (rating: VendorRatingRecord): number | null =>
  rating.count === 0 ? null : rating.sum / rating.count;

/** What a review adds to its vendor's rating: nothing unless it is published. */
export function ratingDelta(
  previous: Pick<ReviewRecord, "rating" | "status"> | null,
  next: Pick<ReviewRecord, "rating" | "status"> | null,
): RatingDelta {
  const delta: RatingDelta = { count: 0, sum: 0, distribution: [0, 0, 0, 0, 0] };
  const apply = (review: Pick<ReviewRecord, "rating" | "status"> | null, sign: 1 | -1) => {
    if (review?.status !== "PUBLISHED") return;
    delta.count += sign;
    delta.sum += sign * review.rating;
    delta.distribution[review.rating - 1] = (delta.distribution[review.rating - 1] ?? 0) + sign;
  };
  apply(previous, -1);
  apply(next, 1);
  return delta;
}

export const isNoChange = (delta: RatingDelta): boolean =>
  delta.count === 0 && delta.sum === 0 && delta.distribution.every((n) => n === 0);

/** The order of a vendor's published reviews. */
export type ReviewOrder = "NEWEST" | "MOST_HELPFUL";

/** Position in a list of published reviews: newest first, or most helpful first then newest. */
export interface ReviewListKey {
  helpfulCount: number;
  createdAt: Date;
  id: string;
}

/** Position in the moderation queue: oldest submission first. */
export interface ReviewQueueKey {
  updatedAt: Date;
  id: string;
}
