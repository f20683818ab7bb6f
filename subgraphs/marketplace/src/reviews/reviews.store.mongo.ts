import type { Announce, MongoOutbox } from "@venta/events";
import {
  isMongoDuplicateKey,
  type KeysetSort,
  keysetAfter,
  pageLimit,
  pageOf,
  registerModel,
} from "@venta/store";
import { type ClientSession, type Connection, type Model, Schema } from "mongoose";
import {
  isNoChange,
  REVIEW_FLAGS,
  type ReviewFlag,
  type ReviewListKey,
  type ReviewModeration,
  type ReviewOrder,
  type ReviewQueueKey,
  type ReviewRecord,
  type ReviewReply,
  type ReviewStatus,
  ratingDelta,
  type VendorRatingRecord,
} from "./review.record.js";
import type { HelpfulVote, ReviewPage, ReviewsStore, ReviewWrite } from "./reviews.store.js";

interface ReviewDocument {
  _id: string;
  vendorId: string;
  authorId: string;
  rating: number;
  text: string;
  status: ReviewStatus;
  flags: ReviewFlag[];
  reply: ReviewReply | null;
  helpfulCount: number;
  moderation: ReviewModeration | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

interface HelpfulVoteDocument {
  reviewId: string;
  userId: string;
  createdAt: Date;
}

/** `s1`…`s5` count the published reviews of 1…5 stars. */
interface RatingDocument {
  _id: string;
  count: number;
  sum: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  updatedAt: Date;
}

const reviewSchema = new Schema<ReviewDocument>(
  {
    _id: { type: String, required: true },
    vendorId: { type: String, required: true },
    authorId: { type: String, required: true },
    rating: { type: Number, required: true, min: 1, max: 5 },
    text: { type: String, required: true },
    status: { type: String, required: true, enum: ["PUBLISHED", "PENDING", "REJECTED"] },
    flags: { type: [{ type: String, enum: [...REVIEW_FLAGS] }], required: true },
    reply: { type: Schema.Types.Mixed, default: null },
    helpfulCount: { type: Number, required: true },
    moderation: { type: Schema.Types.Mixed, default: null },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  // Timestamps are domain data here (the seed sets them), so mongoose must not manage them.
  { collection: "reviews", versionKey: false, timestamps: false, autoIndex: false },
);
reviewSchema.index({ vendorId: 1, authorId: 1 }, { unique: true });
reviewSchema.index({ vendorId: 1, status: 1, createdAt: -1, _id: -1 });
reviewSchema.index({ vendorId: 1, status: 1, helpfulCount: -1, createdAt: -1, _id: -1 });
reviewSchema.index({ status: 1, updatedAt: 1, _id: 1 });
reviewSchema.index({ authorId: 1, updatedAt: 1 });

const helpfulVoteSchema = new Schema<HelpfulVoteDocument>(
  {
    reviewId: { type: String, required: true },
    userId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: "review_helpful_votes", versionKey: false, timestamps: false, autoIndex: false },
);
helpfulVoteSchema.index({ reviewId: 1, userId: 1 }, { unique: true });
helpfulVoteSchema.index({ userId: 1, reviewId: 1 });

const ratingSchema = new Schema<RatingDocument>(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    sum: { type: Number, required: true },
    s1: { type: Number, required: true },
    s2: { type: Number, required: true },
    s3: { type: Number, required: true },
    s4: { type: Number, required: true },
    s5: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: "vendor_ratings", versionKey: false, timestamps: false, autoIndex: false },
);

const NEWEST: KeysetSort<"createdAt" | "_id"> = { createdAt: -1, _id: -1 };
const MOST_HELPFUL: KeysetSort<"helpfulCount" | "createdAt" | "_id"> = { helpfulCount: -1, ...NEWEST };
const OLDEST_CHANGE: KeysetSort<"updatedAt" | "_id"> = { updatedAt: 1, _id: 1 };

const toRecord = (doc: ReviewDocument): ReviewRecord => ({
  id: doc._id,
  vendorId: doc.vendorId,
  authorId: doc.authorId,
  rating: doc.rating,
  text: doc.text,
  status: doc.status,
  flags: [...doc.flags],
  reply: doc.reply
    ? { text: doc.reply.text, authorId: doc.reply.authorId, repliedAt: new Date(doc.reply.repliedAt) }
    : null,
  helpfulCount: doc.helpfulCount,
  moderation: doc.moderation
    ? {
        decision: doc.moderation.decision,
        reason: doc.moderation.reason ?? null,
        moderatorId: doc.moderation.moderatorId,
        at: new Date(doc.moderation.at),
      }
    : null,
  version: doc.version,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

const toRating = (doc: RatingDocument): VendorRatingRecord => ({
  vendorId: doc._id,
  count: doc.count ?? 0,
  sum: doc.sum ?? 0,
  distribution: [doc.s1 ?? 0, doc.s2 ?? 0, doc.s3 ?? 0, doc.s4 ?? 0, doc.s5 ?? 0],
  updatedAt: doc.updatedAt,
});

/**
 * Reviews, helpful votes and vendors' ratings in MongoDB. Without a multi-document transaction, a
 * review write and its rating stay exact through ordering: the review changes only by a conditional
 * write on its version (or a unique insert), and only the write that succeeded moves the rating, by
 * an atomic update by the difference it made. No rating is ever read, changed and written back.
 * A write that announces events runs in a transaction with them (the outbox), so its announcement
 * commits with it.
 */
export class MongoReviewsStore implements ReviewsStore {
  private readonly reviews: Model<ReviewDocument>;
  private readonly votes: Model<HelpfulVoteDocument>;
  private readonly ratings: Model<RatingDocument>;

  constructor(
    connection: Connection,
    private readonly outbox: MongoOutbox,
  ) {
    this.reviews = registerModel(connection, "Review", reviewSchema);
    this.votes = registerModel(connection, "ReviewHelpfulVote", helpfulVoteSchema);
    this.ratings = registerModel(connection, "VendorRating", ratingSchema);
  }

  async save(
    next: ReviewRecord,
    previous: ReviewRecord | null,
    at: Date,
    announce?: Announce<ReviewWrite>,
  ): Promise<ReviewWrite> {
    try {
      return await this.outbox.record((session) => this.write(next, previous, at, session), announce);
    } catch (error) {
      // A new review meeting the author's existing one: the transaction was aborted whole.
      if (previous === null && isMongoDuplicateKey(error)) return { written: false };
      throw error;
    }
  }

  private async write(
    next: ReviewRecord,
    previous: ReviewRecord | null,
    at: Date,
    session: ClientSession | undefined,
  ): Promise<ReviewWrite> {
    if (previous === null) {
      const { id, ...rest } = next;
      await this.reviews.insertMany([{ _id: id, ...rest }], { lean: true, session });
    } else {
      const result = await this.reviews
        .updateOne(
          { _id: previous.id, version: previous.version },
          {
            $set: {
              rating: next.rating,
              text: next.text,
              status: next.status,
              flags: next.flags,
              moderation: next.moderation,
              version: next.version,
              updatedAt: next.updatedAt,
            },
          },
          { session },
        )
        .exec();
      if (result.matchedCount !== 1) return { written: false };
    }
    return { written: true, rating: await this.moveRating(next.vendorId, previous, next, at, session) };
  }

  async delete(previous: ReviewRecord, at: Date, announce?: Announce<ReviewWrite>): Promise<ReviewWrite> {
    return this.outbox.record(async (session) => {
      const result = await this.reviews
        .deleteOne({ _id: previous.id, version: previous.version }, { session })
        .exec();
      if (result.deletedCount !== 1) return { written: false };
      await this.votes.deleteMany({ reviewId: previous.id }, { session }).exec();
      return {
        written: true,
        rating: await this.moveRating(previous.vendorId, previous, null, at, session),
      };
    }, announce);
  }

  private async moveRating(
    vendorId: string,
    previous: ReviewRecord | null,
    next: ReviewRecord | null,
    at: Date,
    session: ClientSession | undefined,
  ): Promise<VendorRatingRecord | null> {
    const delta = ratingDelta(previous, next);
    if (isNoChange(delta)) return null;
    const [s1, s2, s3, s4, s5] = delta.distribution;
    // One update pipeline: every counter moves by the difference and the time moves strictly
    // forward, in a single atomic write of the document (created on the first review). Racing
    // transactions conflict on this one document and are retried whole: see "Hot counters" in README.
    const plus = (field: string, by: number) => ({ $add: [{ $ifNull: [`$${field}`, 0] }, by] });
    const doc = await this.ratings
      .findOneAndUpdate(
        { _id: vendorId },
        [
          {
            $set: {
              count: plus("count", delta.count),
              sum: plus("sum", delta.sum),
              s1: plus("s1", s1),
              s2: plus("s2", s2),
              s3: plus("s3", s3),
              s4: plus("s4", s4),
              s5: plus("s5", s5),
              updatedAt: { $max: [{ $add: [{ $ifNull: ["$updatedAt", new Date(0)] }, 1] }, at] },
            },
          },
        ],
        { upsert: true, returnDocument: "after", updatePipeline: true, session },
      )
      .lean<RatingDocument>()
      .exec();
    if (!doc) throw new Error(`the rating of vendor ${vendorId} was not written`);
    return toRating(doc);
  }

  async findById(id: string): Promise<ReviewRecord | null> {
    const doc = await this.reviews.findById(id).lean<ReviewDocument>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findByAuthorAndVendor(authorId: string, vendorId: string): Promise<ReviewRecord | null> {
    const doc = await this.reviews.findOne({ vendorId, authorId }).lean<ReviewDocument>().exec();
    return doc ? toRecord(doc) : null;
  }

  async listByAuthor(authorId: string): Promise<ReviewRecord[]> {
    const docs = await this.reviews
      .find({ authorId })
      .sort({ createdAt: 1, _id: 1 })
      .lean<ReviewDocument[]>()
      .exec();
    return docs.map(toRecord);
  }

  async helpfulVotesBy(userId: string): Promise<HelpfulVote[]> {
    const docs = await this.votes
      .find({ userId })
      .sort({ createdAt: 1, reviewId: 1 })
      .lean<HelpfulVoteDocument[]>()
      .exec();
    return docs.map((doc) => ({ reviewId: doc.reviewId, createdAt: doc.createdAt }));
  }

  countRecentByAuthor(authorId: string, since: Date, exceptVendorId: string): Promise<number> {
    return this.reviews
      .countDocuments({ authorId, updatedAt: { $gte: since }, vendorId: { $ne: exceptVendorId } })
      .exec();
  }

  async listPublished(
    vendorId: string,
    order: ReviewOrder,
    first: number,
    after?: ReviewListKey,
  ): Promise<ReviewPage> {
    const sort = order === "MOST_HELPFUL" ? MOST_HELPFUL : NEWEST;
    const key = after && { helpfulCount: after.helpfulCount, createdAt: after.createdAt, _id: after.id };
    const docs = await this.reviews
      .find({ vendorId, status: "PUBLISHED", ...(key && keysetAfter(sort, key)) })
      .sort(sort)
      .limit(pageLimit(first))
      .lean<ReviewDocument[]>()
      .exec();
    return pageOf(docs, first, toRecord);
  }

  async listPending(first: number, after?: ReviewQueueKey): Promise<ReviewPage> {
    const key = after && { updatedAt: after.updatedAt, _id: after.id };
    const docs = await this.reviews
      .find({ status: "PENDING", ...(key && keysetAfter(OLDEST_CHANGE, key)) })
      .sort(OLDEST_CHANGE)
      .limit(pageLimit(first))
      .lean<ReviewDocument[]>()
      .exec();
    return pageOf(docs, first, toRecord);
  }

  countPending(): Promise<number> {
    return this.reviews.countDocuments({ status: "PENDING" }).exec();
  }

  async setReply(reviewId: string, reply: ReviewReply): Promise<ReviewRecord | null> {
    const doc = await this.reviews
      .findOneAndUpdate({ _id: reviewId }, { $set: { reply } }, { returnDocument: "after" })
      .lean<ReviewDocument>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  async addHelpfulVote(reviewId: string, userId: string, at: Date): Promise<boolean> {
    try {
      await this.votes.insertMany([{ reviewId, userId, createdAt: at }], { lean: true });
    } catch (error) {
      // The unique index makes a second vote by the same person a no-op, however close together.
      if (isMongoDuplicateKey(error)) return false;
      throw error;
    }
    const result = await this.reviews.updateOne({ _id: reviewId }, { $inc: { helpfulCount: 1 } }).exec();
    if (result.matchedCount === 1) return true;
    // No such review (or it was just deleted): the vote must not outlive it.
    await this.votes.deleteOne({ reviewId, userId }).exec();
    return false;
  }

  async removeHelpfulVote(reviewId: string, userId: string): Promise<boolean> {
    const result = await this.votes.deleteOne({ reviewId, userId }).exec();
    if (result.deletedCount !== 1) return false;
    await this.reviews.updateOne({ _id: reviewId }, { $inc: { helpfulCount: -1 } }).exec();
    return true;
  }

  async helpfulAmong(userId: string, reviewIds: readonly string[]): Promise<string[]> {
    if (reviewIds.length === 0) return [];
    const docs = await this.votes
      .find({ userId, reviewId: { $in: [...reviewIds] } }, { reviewId: 1 })
      .lean<Pick<HelpfulVoteDocument, "reviewId">[]>()
      .exec();
    return docs.map((doc) => doc.reviewId);
  }

  async ratingsOf(vendorIds: readonly string[]): Promise<VendorRatingRecord[]> {
    if (vendorIds.length === 0) return [];
    const docs = await this.ratings
      .find({ _id: { $in: [...vendorIds] } })
      .lean<RatingDocument[]>()
      .exec();
    return docs.map(toRating);
  }
}
