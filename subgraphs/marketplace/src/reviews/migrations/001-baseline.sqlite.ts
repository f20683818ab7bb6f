import type { SqliteMigration } from "@venta/store";

/**
 * Reviews, helpful votes and vendors' ratings as the store created them before migrations were
 * recorded (hence IF NOT EXISTS: a data directory written then adopts this step unchanged).
 */
export const reviewsBaseline: SqliteMigration = {
  version: 1,
  name: "reviews, helpful votes and vendor ratings",
  up: (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS reviews (
        id TEXT PRIMARY KEY,
        vendor_id TEXT NOT NULL,
        author_id TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        text TEXT NOT NULL,
        status TEXT NOT NULL,
        flags TEXT NOT NULL,
        reply_text TEXT,
        reply_author_id TEXT,
        replied_at INTEGER,
        helpful_count INTEGER NOT NULL DEFAULT 0,
        moderation_decision TEXT,
        moderation_reason TEXT,
        moderator_id TEXT,
        moderated_at INTEGER,
        version INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX IF NOT EXISTS reviews_one_per_author ON reviews (vendor_id, author_id);
      CREATE INDEX IF NOT EXISTS reviews_newest ON reviews (vendor_id, status, created_at, id);
      CREATE INDEX IF NOT EXISTS reviews_most_helpful ON reviews (vendor_id, status, helpful_count, created_at, id);
      CREATE INDEX IF NOT EXISTS reviews_queue ON reviews (status, updated_at, id);
      CREATE INDEX IF NOT EXISTS reviews_by_author ON reviews (author_id, updated_at);
      CREATE TABLE IF NOT EXISTS review_helpful_votes (
        review_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (review_id, user_id)
      );
      CREATE INDEX IF NOT EXISTS review_helpful_votes_by_user ON review_helpful_votes (user_id, review_id);
      CREATE TABLE IF NOT EXISTS vendor_ratings (
        vendor_id TEXT PRIMARY KEY,
        count INTEGER NOT NULL,
        sum INTEGER NOT NULL,
        stars_1 INTEGER NOT NULL,
        stars_2 INTEGER NOT NULL,
        stars_3 INTEGER NOT NULL,
        stars_4 INTEGER NOT NULL,
        stars_5 INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
  },
};
