import type { Announce, SqliteOutbox } from "@venta/events";
import { isSqliteUniqueViolation, pageLimit, pageOf } from "@venta/store";
import type Database from "better-sqlite3";
import {
  isNoChange,
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

interface ReviewRow {
  id: string;
  vendor_id: string;
  author_id: string;
  rating: number;
  text: string;
  status: ReviewStatus;
  flags: string;
  reply_text: string | null;
  reply_author_id: string | null;
  replied_at: number | null;
  helpful_count: number;
  moderation_decision: ReviewModeration["decision"] | null;
  moderation_reason: string | null;
  moderator_id: string | null;
  moderated_at: number | null;
  version: number;
  created_at: number;
  updated_at: number;
}

interface RatingRow {
  vendor_id: string;
  count: number;
  sum: number;
  stars_1: number;
  stars_2: number;
  stars_3: number;
  stars_4: number;
  stars_5: number;
  updated_at: number;
}

const COLUMNS =
  "id, vendor_id, author_id, rating, text, status, flags, reply_text, reply_author_id, replied_at, helpful_count, moderation_decision, moderation_reason, moderator_id, moderated_at, version, created_at, updated_at";
const RATING_COLUMNS = "vendor_id, count, sum, stars_1, stars_2, stars_3, stars_4, stars_5, updated_at";

const toRecord = (row: ReviewRow): ReviewRecord => ({
  id: row.id,
  vendorId: row.vendor_id,
  authorId: row.author_id,
  rating: row.rating,
  text: row.text,
  status: row.status,
  flags: JSON.parse(row.flags) as ReviewFlag[],
  reply:
    row.reply_text !== null && row.reply_author_id !== null && row.replied_at !== null
      ? { text: row.reply_text, authorId: row.reply_author_id, repliedAt: new Date(row.replied_at) }
      : null,
  helpfulCount: row.helpful_count,
  moderation:
    row.moderation_decision !== null && row.moderator_id !== null && row.moderated_at !== null
      ? {
          decision: row.moderation_decision,
          reason: row.moderation_reason,
          moderatorId: row.moderator_id,
          at: new Date(row.moderated_at),
        }
      : null,
  version: row.version,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

const toRating = (row: RatingRow): VendorRatingRecord => ({
  vendorId: row.vendor_id,
  count: row.count,
  sum: row.sum,
  distribution: [row.stars_1, row.stars_2, row.stars_3, row.stars_4, row.stars_5],
  updatedAt: new Date(row.updated_at),
});

/** The columns an update of the author's or moderator's fields writes. */
const authoredParams = (review: ReviewRecord) => ({
  id: review.id,
  rating: review.rating,
  text: review.text,
  status: review.status,
  flags: JSON.stringify(review.flags),
  moderationDecision: review.moderation?.decision ?? null,
  moderationReason: review.moderation?.reason ?? null,
  moderatorId: review.moderation?.moderatorId ?? null,
  moderatedAt: review.moderation?.at.getTime() ?? null,
  version: review.version,
  updatedAt: review.updatedAt.getTime(),
});

/**
 * Reviews, helpful votes and each vendor's rating in the embedded SQLite database. A review write
 * and the rating it moves commit in one IMMEDIATE transaction (the write lock taken up front), so
 * the rating is exact whatever runs concurrently, in this process or another.
 */
export class SqliteReviewsStore implements ReviewsStore {
  constructor(
    private readonly db: Database.Database,
    private readonly outbox: SqliteOutbox,
  ) {}

  async save(
    next: ReviewRecord,
    previous: ReviewRecord | null,
    at: Date,
    announce?: Announce<ReviewWrite>,
  ): Promise<ReviewWrite> {
    const write = this.db.transaction((): ReviewWrite => {
      if (previous === null) {
        try {
          this.db
            .prepare(
              `INSERT INTO reviews (${COLUMNS}) VALUES (@id, @vendorId, @authorId, @rating, @text, @status, @flags, @replyText, @replyAuthorId, @repliedAt, @helpfulCount, @moderationDecision, @moderationReason, @moderatorId, @moderatedAt, @version, @createdAt, @updatedAt)`,
            )
            .run({
              ...authoredParams(next),
              vendorId: next.vendorId,
              authorId: next.authorId,
              replyText: next.reply?.text ?? null,
              replyAuthorId: next.reply?.authorId ?? null,
              repliedAt: next.reply?.repliedAt.getTime() ?? null,
              helpfulCount: next.helpfulCount,
              createdAt: next.createdAt.getTime(),
            });
        } catch (error) {
          if (isSqliteUniqueViolation(error)) return { written: false };
          throw error;
        }
      } else {
        const { changes } = this.db
          .prepare(
            `UPDATE reviews SET rating = @rating, text = @text, status = @status, flags = @flags,
               moderation_decision = @moderationDecision, moderation_reason = @moderationReason,
               moderator_id = @moderatorId, moderated_at = @moderatedAt, version = @version, updated_at = @updatedAt
             WHERE id = @id AND version = @expectedVersion`,
          )
          .run({ ...authoredParams(next), expectedVersion: previous.version });
        if (changes !== 1) return { written: false };
      }
      return { written: true, rating: this.moveRating(next.vendorId, previous, next, at) };
    });
    return this.outbox.record(write, announce);
  }

  async delete(previous: ReviewRecord, at: Date, announce?: Announce<ReviewWrite>): Promise<ReviewWrite> {
    const remove = this.db.transaction((): ReviewWrite => {
      const { changes } = this.db
        .prepare("DELETE FROM reviews WHERE id = ? AND version = ?")
        .run(previous.id, previous.version);
      if (changes !== 1) return { written: false };
      this.db.prepare("DELETE FROM review_helpful_votes WHERE review_id = ?").run(previous.id);
      return { written: true, rating: this.moveRating(previous.vendorId, previous, null, at) };
    });
    return this.outbox.record(remove, announce);
  }

  /** Inside the caller's transaction: applies the difference, or nothing when there is none. */
  private moveRating(
    vendorId: string,
    previous: ReviewRecord | null,
    next: ReviewRecord | null,
    at: Date,
  ): VendorRatingRecord | null {
    const delta = ratingDelta(previous, next);
    if (isNoChange(delta)) return null;
    const [d1, d2, d3, d4, d5] = delta.distribution;
    const row = this.db
      .prepare<unknown[], RatingRow>(
        `INSERT INTO vendor_ratings (${RATING_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (vendor_id) DO UPDATE SET
           count = count + excluded.count, sum = sum + excluded.sum,
           stars_1 = stars_1 + excluded.stars_1, stars_2 = stars_2 + excluded.stars_2,
           stars_3 = stars_3 + excluded.stars_3, stars_4 = stars_4 + excluded.stars_4,
           stars_5 = stars_5 + excluded.stars_5,
           updated_at = max(updated_at + 1, excluded.updated_at)
         RETURNING ${RATING_COLUMNS}`,
      )
      .get(vendorId, delta.count, delta.sum, d1, d2, d3, d4, d5, at.getTime());
    if (!row) throw new Error(`the rating of vendor ${vendorId} was not written`);
    return toRating(row);
  }

  async findById(id: string): Promise<ReviewRecord | null> {
    const row = this.db.prepare<[string], ReviewRow>(`SELECT ${COLUMNS} FROM reviews WHERE id = ?`).get(id);
    return row ? toRecord(row) : null;
  }

  async findByAuthorAndVendor(authorId: string, vendorId: string): Promise<ReviewRecord | null> {
    const row = this.db
      .prepare<[string, string], ReviewRow>(
        `SELECT ${COLUMNS} FROM reviews WHERE vendor_id = ? AND author_id = ?`,
      )
      .get(vendorId, authorId);
    return row ? toRecord(row) : null;
  }

  async listByAuthor(authorId: string): Promise<ReviewRecord[]> {
    return this.db
      .prepare<[string], ReviewRow>(
        `SELECT ${COLUMNS} FROM reviews WHERE author_id = ? ORDER BY created_at, id`,
      )
      .all(authorId)
      .map(toRecord);
  }

  async helpfulVotesBy(userId: string): Promise<HelpfulVote[]> {
    return this.db
      .prepare<[string], { review_id: string; created_at: number }>(
        "SELECT review_id, created_at FROM review_helpful_votes WHERE user_id = ? ORDER BY created_at, review_id",
      )
      .all(userId)
      .map((row) => ({ reviewId: row.review_id, createdAt: new Date(row.created_at) }));
  }

  async countRecentByAuthor(authorId: string, since: Date, exceptVendorId: string): Promise<number> {
    const row = this.db
      .prepare<[string, number, string], { n: number }>(
        "SELECT count(*) AS n FROM reviews WHERE author_id = ? AND updated_at >= ? AND vendor_id <> ?",
      )
      .get(authorId, since.getTime(), exceptVendorId);
    return row?.n ?? 0;
  }

  async listPublished(
    vendorId: string,
    order: ReviewOrder,
    first: number,
    after?: ReviewListKey,
  ): Promise<ReviewPage> {
    const helpful = order === "MOST_HELPFUL";
    const key = helpful ? "(helpful_count, created_at, id)" : "(created_at, id)";
    const params: Record<string, unknown> = { vendorId, limit: pageLimit(first) };
    let afterClause = "";
    if (after) {
      // Row values compare column by column: "after" the key in a descending order is "less than" it.
      afterClause = `AND ${key} < (${helpful ? "@afterHelpful, " : ""}@afterCreatedAt, @afterId)`;
      Object.assign(params, helpful ? { afterHelpful: after.helpfulCount } : {}, {
        afterCreatedAt: after.createdAt.getTime(),
        afterId: after.id,
      });
    }
    const orderBy = helpful ? "helpful_count DESC, created_at DESC, id DESC" : "created_at DESC, id DESC";
    const rows = this.db
      .prepare<Record<string, unknown>, ReviewRow>(
        `SELECT ${COLUMNS} FROM reviews WHERE vendor_id = @vendorId AND status = 'PUBLISHED' ${afterClause}
         ORDER BY ${orderBy} LIMIT @limit`,
      )
      .all(params);
    return pageOf(rows, first, toRecord);
  }

  async listPending(first: number, after?: ReviewQueueKey): Promise<ReviewPage> {
    const params: Record<string, unknown> = { limit: pageLimit(first) };
    let afterClause = "";
    if (after) {
      afterClause = "AND (updated_at, id) > (@afterUpdatedAt, @afterId)";
      params.afterUpdatedAt = after.updatedAt.getTime();
      params.afterId = after.id;
    }
    const rows = this.db
      .prepare<Record<string, unknown>, ReviewRow>(
        `SELECT ${COLUMNS} FROM reviews WHERE status = 'PENDING' ${afterClause} ORDER BY updated_at, id LIMIT @limit`,
      )
      .all(params);
    return pageOf(rows, first, toRecord);
  }

  async countPending(): Promise<number> {
    const row = this.db
      .prepare<[], { n: number }>("SELECT count(*) AS n FROM reviews WHERE status = 'PENDING'")
      .get();
    return row?.n ?? 0;
  }

  async setReply(reviewId: string, reply: ReviewReply): Promise<ReviewRecord | null> {
    const row = this.db
      .prepare<[string, string, number, string], ReviewRow>(
        `UPDATE reviews SET reply_text = ?, reply_author_id = ?, replied_at = ? WHERE id = ? RETURNING ${COLUMNS}`,
      )
      .get(reply.text, reply.authorId, reply.repliedAt.getTime(), reviewId);
    return row ? toRecord(row) : null;
  }

  async addHelpfulVote(reviewId: string, userId: string, at: Date): Promise<boolean> {
    const vote = this.db.transaction((): boolean => {
      // Only a vote on an existing review counts; the count moves with the vote it belongs to.
      const { changes } = this.db
        .prepare(
          `INSERT OR IGNORE INTO review_helpful_votes (review_id, user_id, created_at)
           SELECT id, ?, ? FROM reviews WHERE id = ?`,
        )
        .run(userId, at.getTime(), reviewId);
      if (changes !== 1) return false;
      this.db.prepare("UPDATE reviews SET helpful_count = helpful_count + 1 WHERE id = ?").run(reviewId);
      return true;
    });
    return vote.immediate();
  }

  async removeHelpfulVote(reviewId: string, userId: string): Promise<boolean> {
    const unvote = this.db.transaction((): boolean => {
      const { changes } = this.db
        .prepare("DELETE FROM review_helpful_votes WHERE review_id = ? AND user_id = ?")
        .run(reviewId, userId);
      if (changes !== 1) return false;
      this.db.prepare("UPDATE reviews SET helpful_count = helpful_count - 1 WHERE id = ?").run(reviewId);
      return true;
    });
    return unvote.immediate();
  }

  async helpfulAmong(userId: string, reviewIds: readonly string[]): Promise<string[]> {
    if (reviewIds.length === 0) return [];
    return this.db
      .prepare<[string, string], { review_id: string }>(
        "SELECT review_id FROM review_helpful_votes WHERE user_id = ? AND review_id IN (SELECT value FROM json_each(?))",
      )
      .all(userId, JSON.stringify(reviewIds))
      .map((row) => row.review_id);
  }

  async ratingsOf(vendorIds: readonly string[]): Promise<VendorRatingRecord[]> {
    if (vendorIds.length === 0) return [];
    // json_each takes the whole id list as one parameter, so the statement is the same for any count.
    return this.db
      .prepare<[string], RatingRow>(
        `SELECT ${RATING_COLUMNS} FROM vendor_ratings WHERE vendor_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(vendorIds))
      .map(toRating);
  }
}
