import type { Outbox } from "@venta/events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { announceIf, failingAnnounce, recordedLabels } from "../outbox.harness.js";
import type { ReviewRecord, ReviewStatus, VendorRatingRecord } from "./review.record.js";
import type { ReviewsStore, ReviewWrite } from "./reviews.store.js";

export interface OpenedReviewsStore {
  store: ReviewsStore;
  /** The outbox the store records its announcements in. */
  outbox: Outbox;
  close(): Promise<void>;
}

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

export const reviewFixture = (n: number, overrides: Partial<ReviewRecord> = {}): ReviewRecord => ({
  id: `review-${String(n).padStart(3, "0")}`,
  vendorId: "vendor-a",
  authorId: `author-${String(n).padStart(3, "0")}`,
  rating: (n % 5) + 1,
  text: `Review number ${n}`,
  status: "PUBLISHED",
  flags: [],
  reply: null,
  helpfulCount: 0,
  moderation: null,
  version: 1,
  // Pairs share a creation time so the id tie-break is exercised.
  createdAt: at(Math.floor(n / 2)),
  updatedAt: at(Math.floor(n / 2)),
  ...overrides,
});

/** The next version of a review, as a service would write it. */
const edited = (review: ReviewRecord, changes: Partial<ReviewRecord>): ReviewRecord => ({
  ...review,
  ...changes,
  version: review.version + 1,
});

/** The rating without its time, for comparisons. */
const counts = (rating: VendorRatingRecord | null | undefined) =>
  rating ? { count: rating.count, sum: rating.sum, distribution: rating.distribution } : null;

/** The behaviour every reviews store must show; each adapter's test file runs it. */
export function reviewsStoreContract(adapter: string, open: () => Promise<OpenedReviewsStore>): void {
  describe(`${adapter} reviews store`, () => {
    let opened: OpenedReviewsStore;
    let store: ReviewsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    const ratingOf = async (vendorId = "vendor-a") => counts((await store.ratingsOf([vendorId]))[0]);

    it("stores and reads back every field", async () => {
      const review = reviewFixture(1, {
        flags: ["LINK", "BURST"],
        status: "PENDING",
        reply: { text: "Thanks!", authorId: "owner-a", repliedAt: at(50) },
        moderation: { decision: "REJECTED", reason: "spam", moderatorId: "admin-1", at: at(40) },
      });
      expect(await store.save(review, null, at(1))).toEqual({ written: true, rating: null });
      expect(await store.findById(review.id)).toEqual(review);
      expect(await store.findByAuthorAndVendor(review.authorId, "vendor-a")).toEqual(review);
      expect(await store.findByAuthorAndVendor(review.authorId, "vendor-b")).toBeNull();
      expect(await store.findById("missing")).toBeNull();
    });

    it("keeps one review per author and vendor: a second new one writes nothing", async () => {
      const first = reviewFixture(1);
      await store.save(first, null, at(1));
      const again = reviewFixture(2, { authorId: first.authorId, rating: 1 });
      expect(await store.save(again, null, at(2))).toEqual({ written: false });
      expect(await store.findById(again.id)).toBeNull();
      expect(await ratingOf()).toEqual({ count: 1, sum: first.rating, distribution: expect.any(Array) });
      // The same author may review another vendor.
      expect(
        await store.save(reviewFixture(3, { authorId: first.authorId, vendorId: "vendor-b" }), null, at(3)),
      ).toMatchObject({ written: true });
    });

    it("records an announcement with each save and delete that happened, and only those", async () => {
      const written = (write: ReviewWrite) => write.written;
      const first = reviewFixture(1);
      await store.save(first, null, at(1), announceIf("new", written));
      await store.save(
        reviewFixture(2, { authorId: first.authorId }),
        null,
        at(2),
        announceIf("twin", written),
      );
      const edited = { ...first, rating: 1, version: 2 };
      await store.save(edited, first, at(3), announceIf("edit", written));
      await store.save({ ...first, rating: 2, version: 2 }, first, at(4), announceIf("stale edit", written));
      await store.delete(first, at(5), announceIf("stale delete", written));
      await store.delete(edited, at(6), announceIf("delete", written));
      expect(await recordedLabels(opened.outbox)).toEqual(["new", "edit", "delete"]);
    });

    it("writes nothing, rating included, when its announcement cannot be made", async () => {
      await expect(store.save(reviewFixture(1), null, at(1), failingAnnounce)).rejects.toThrow();
      expect(await store.findById(reviewFixture(1).id)).toBeNull();
      expect(await store.ratingsOf(["vendor-a"])).toEqual([]);
      expect(await opened.outbox.count()).toBe(0);
    });

    it("keeps the rating exact through writes, edits, approvals, rejections and deletions", async () => {
      const four = reviewFixture(1, { rating: 4 });
      const held = reviewFixture(2, { rating: 1, status: "PENDING", flags: ["LINK"] });
      const write4 = await store.save(four, null, at(1));
      expect(write4).toMatchObject({ written: true, rating: { vendorId: "vendor-a", count: 1, sum: 4 } });
      // A PENDING review does not count, so the rating does not move.
      expect(await store.save(held, null, at(2))).toEqual({ written: true, rating: null });
      expect(await ratingOf()).toEqual({ count: 1, sum: 4, distribution: [0, 0, 0, 1, 0] });

      // Edit: the old stars out, the new ones in.
      const two = edited(four, { rating: 2, text: "Worse now" });
      expect(await store.save(two, four, at(3))).toMatchObject({
        written: true,
        rating: { count: 1, sum: 2 },
      });
      expect(await ratingOf()).toEqual({ count: 1, sum: 2, distribution: [0, 1, 0, 0, 0] });

      // Approval brings the held review in.
      const approved = edited(held, {
        status: "PUBLISHED",
        moderation: { decision: "APPROVED", reason: null, moderatorId: "admin-1", at: at(4) },
      });
      await store.save(approved, held, at(4));
      expect(await ratingOf()).toEqual({ count: 2, sum: 3, distribution: [1, 1, 0, 0, 0] });

      // Rejection takes it out again; rejecting a rejected review changes nothing.
      const rejected = edited(approved, { status: "REJECTED" });
      await store.save(rejected, approved, at(5));
      expect(await ratingOf()).toEqual({ count: 1, sum: 2, distribution: [0, 1, 0, 0, 0] });
      expect(await store.save(edited(rejected, {}), rejected, at(6))).toEqual({
        written: true,
        rating: null,
      });

      // A stale version writes nothing and moves nothing.
      expect(await store.save(edited(four, { rating: 5 }), four, at(7))).toEqual({ written: false });
      expect((await store.findById(four.id))?.rating).toBe(2);
      expect(await ratingOf()).toEqual({ count: 1, sum: 2, distribution: [0, 1, 0, 0, 0] });

      // Deletion takes a published review out; a rejected one was not in.
      expect(await store.delete(two, at(8))).toMatchObject({ written: true, rating: { count: 0, sum: 0 } });
      expect(await store.delete(edited(rejected, {}), at(9))).toEqual({ written: true, rating: null });
      expect(await store.delete(two, at(10))).toEqual({ written: false });
      expect(await ratingOf()).toEqual({ count: 0, sum: 0, distribution: [0, 0, 0, 0, 0] });
      expect(await store.findById(two.id)).toBeNull();
    });

    // Production saves with an announcement, inside a transaction; imports and tests without: both
    // must count exactly when writes race on the one rating document.
    for (const [path, announce] of [
      ["unannounced", undefined],
      ["announced, in a transaction", announceIf("review", (w: ReviewWrite) => w.written)],
    ] as const) {
      it(`counts reviews written in parallel by different authors exactly (${path})`, async () => {
        const reviews = Array.from({ length: 40 }, (_, i) => reviewFixture(i + 1));
        const writes = await Promise.all(reviews.map((r) => store.save(r, null, at(100), announce)));
        expect(writes.every((w) => w.written)).toBe(true);
        const expected = [0, 0, 0, 0, 0];
        for (const r of reviews) expected[r.rating - 1] = (expected[r.rating - 1] ?? 0) + 1;
        expect(await ratingOf()).toEqual({
          count: 40,
          sum: reviews.reduce((sum, r) => sum + r.rating, 0),
          distribution: expected,
        });
        // And edits in parallel, each from the version it read.
        await Promise.all(reviews.map((r) => store.save(edited(r, { rating: 5 }), r, at(200), announce)));
        expect(await ratingOf()).toEqual({ count: 40, sum: 200, distribution: [0, 0, 0, 0, 40] });
        if (announce) expect(await opened.outbox.count()).toBe(80);
      });
    }

    it("moves the rating's time strictly forward, even for writes at the same instant", async () => {
      const first = await store.save(reviewFixture(1), null, at(10));
      const second = await store.save(reviewFixture(2), null, at(10));
      const late = await store.save(reviewFixture(3), null, at(5));
      const times = [first, second, late].map((w) => (w.written ? w.rating?.updatedAt.getTime() : undefined));
      expect(times[0]).toBe(at(10).getTime());
      expect(times[1]).toBe(at(10).getTime() + 1);
      expect(times[2]).toBe(at(10).getTime() + 2);
      expect((await store.ratingsOf(["vendor-a"]))[0]?.updatedAt).toEqual(new Date(at(10).getTime() + 2));
    });

    it("leaves the reply and the helpful count alone when the author edits", async () => {
      const review = reviewFixture(1);
      await store.save(review, null, at(1));
      await store.setReply(review.id, { text: "Thanks", authorId: "owner-a", repliedAt: at(2) });
      await store.addHelpfulVote(review.id, "reader-1", at(3));
      const next = edited(review, { text: "Changed my mind", reply: null, helpfulCount: 0 });
      await store.save(next, review, at(4));
      expect(await store.findById(review.id)).toMatchObject({
        text: "Changed my mind",
        version: 2,
        helpfulCount: 1,
        reply: { text: "Thanks", authorId: "owner-a", repliedAt: at(2) },
      });
    });

    it("sets and replaces the reply; an unknown review is null", async () => {
      await store.save(reviewFixture(1), null, at(1));
      await store.setReply("review-001", { text: "First", authorId: "owner-a", repliedAt: at(2) });
      const replaced = await store.setReply("review-001", {
        text: "Second",
        authorId: "admin-1",
        repliedAt: at(3),
      });
      expect(replaced?.reply).toEqual({ text: "Second", authorId: "admin-1", repliedAt: at(3) });
      expect(await store.setReply("missing", { text: "x", authorId: "a", repliedAt: at(3) })).toBeNull();
    });

    it("counts one helpful vote per person, and only on a review that exists", async () => {
      await store.save(reviewFixture(1), null, at(1));
      await store.save(reviewFixture(2), null, at(1));
      const votes = await Promise.all([
        store.addHelpfulVote("review-001", "reader-1", at(2)),
        store.addHelpfulVote("review-001", "reader-1", at(2)),
        store.addHelpfulVote("review-001", "reader-2", at(2)),
      ]);
      expect(votes.filter(Boolean)).toHaveLength(2);
      expect((await store.findById("review-001"))?.helpfulCount).toBe(2);
      expect(await store.addHelpfulVote("missing", "reader-1", at(2))).toBe(false);
      expect((await store.helpfulAmong("reader-1", ["review-001", "review-002", "missing"])).sort()).toEqual([
        "review-001",
      ]);
      expect(await store.helpfulAmong("reader-1", [])).toEqual([]);
      expect(await store.removeHelpfulVote("review-001", "reader-1")).toBe(true);
      expect(await store.removeHelpfulVote("review-001", "reader-1")).toBe(false);
      expect((await store.findById("review-001"))?.helpfulCount).toBe(1);
      expect(await store.helpfulAmong("reader-1", ["review-001"])).toEqual([]);
    });

    it("deletes a review's helpful votes with it", async () => {
      const review = reviewFixture(1);
      await store.save(review, null, at(1));
      await store.addHelpfulVote(review.id, "reader-1", at(2));
      await store.delete(review, at(3));
      expect(await store.helpfulAmong("reader-1", [review.id])).toEqual([]);
      // A new review under the same id starts without votes.
      await store.save(review, null, at(4));
      expect(await store.helpfulAmong("reader-1", [review.id])).toEqual([]);
    });

    it("lists a vendor's published reviews newest first, paging without repeats or gaps", async () => {
      const statuses: ReviewStatus[] = ["PUBLISHED", "PUBLISHED", "PENDING", "PUBLISHED", "REJECTED"];
      for (let n = 1; n <= 11; n += 1)
        await store.save(reviewFixture(n, { status: statuses[n % 5] ?? "PUBLISHED" }), null, at(n));
      await store.save(reviewFixture(12, { vendorId: "vendor-b" }), null, at(12));
      const published = Array.from({ length: 11 }, (_, i) => reviewFixture(i + 1))
        .filter((r) => (statuses[Number(r.id.slice(-3)) % 5] ?? "PUBLISHED") === "PUBLISHED")
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))
        .map((r) => r.id);
      const seen: string[] = [];
      let after: { helpfulCount: number; createdAt: Date; id: string } | undefined;
      for (;;) {
        const page = await store.listPublished("vendor-a", "NEWEST", 2, after);
        seen.push(...page.records.map((r) => r.id));
        const last = page.records.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { helpfulCount: last.helpfulCount, createdAt: last.createdAt, id: last.id };
      }
      expect(seen).toEqual(published);
    });

    it("lists the most helpful first, the newest first among equals", async () => {
      for (let n = 1; n <= 6; n += 1) await store.save(reviewFixture(n), null, at(n));
      const votes: Record<string, number> = { "review-002": 3, "review-005": 1, "review-004": 1 };
      for (const [id, count] of Object.entries(votes))
        for (let v = 0; v < count; v += 1) await store.addHelpfulVote(id, `reader-${v}`, at(20));
      const seen: string[] = [];
      let after: { helpfulCount: number; createdAt: Date; id: string } | undefined;
      for (;;) {
        const page = await store.listPublished("vendor-a", "MOST_HELPFUL", 2, after);
        seen.push(...page.records.map((r) => r.id));
        const last = page.records.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { helpfulCount: last.helpfulCount, createdAt: last.createdAt, id: last.id };
      }
      expect(seen).toEqual([
        "review-002",
        "review-005",
        "review-004",
        "review-006",
        "review-003",
        "review-001",
      ]);
    });

    it("queues PENDING reviews oldest submission first and counts them", async () => {
      for (let n = 1; n <= 7; n += 1) {
        const status: ReviewStatus = n % 3 === 0 ? "PUBLISHED" : "PENDING";
        await store.save(reviewFixture(n, { status, updatedAt: at(100 - n) }), null, at(n));
      }
      expect(await store.countPending()).toBe(5);
      const seen: string[] = [];
      let after: { updatedAt: Date; id: string } | undefined;
      for (;;) {
        const page = await store.listPending(2, after);
        seen.push(...page.records.map((r) => r.id));
        const last = page.records.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { updatedAt: last.updatedAt, id: last.id };
      }
      expect(seen).toEqual(["review-007", "review-005", "review-004", "review-002", "review-001"]);
    });

    it("counts an author's recent reviews, leaving out the vendor being reviewed", async () => {
      const mine = (n: number, vendorId: string, updatedAt: Date) =>
        reviewFixture(n, { authorId: "busy", vendorId, updatedAt });
      await store.save(mine(1, "v1", at(10)), null, at(10));
      await store.save(mine(2, "v2", at(20)), null, at(20));
      await store.save(mine(3, "v3", at(30)), null, at(30));
      await store.save(reviewFixture(4, { vendorId: "v1", updatedAt: at(30) }), null, at(30));
      expect(await store.countRecentByAuthor("busy", at(15), "other")).toBe(2);
      expect(await store.countRecentByAuthor("busy", at(0), "v3")).toBe(2);
      expect(await store.countRecentByAuthor("busy", at(31), "other")).toBe(0);
    });

    it("finds everything a person wrote and every helpful vote they cast", async () => {
      await store.save(reviewFixture(1, { authorId: "ann", vendorId: "v2", createdAt: at(5) }), null, at(5));
      await store.save(
        reviewFixture(2, { authorId: "ann", vendorId: "v1", status: "REJECTED" }),
        null,
        at(1),
      );
      await store.save(reviewFixture(3), null, at(1));
      await store.addHelpfulVote("review-003", "ann", at(7));
      await store.addHelpfulVote("review-003", "bob", at(8));
      expect((await store.listByAuthor("ann")).map((r) => r.id)).toEqual(["review-002", "review-001"]);
      expect(await store.listByAuthor("nobody")).toEqual([]);
      expect(await store.helpfulVotesBy("ann")).toEqual([{ reviewId: "review-003", createdAt: at(7) }]);
      expect(await store.helpfulVotesBy("nobody")).toEqual([]);
    });

    it("reads many vendors' ratings at once; a vendor never reviewed is absent", async () => {
      await store.save(reviewFixture(1, { vendorId: "v1", rating: 5 }), null, at(1));
      await store.save(reviewFixture(2, { vendorId: "v2", rating: 3 }), null, at(1));
      const ratings = await store.ratingsOf(["v2", "nope", "v1"]);
      expect(
        ratings.map((r) => ({ id: r.vendorId, ...counts(r) })).sort((a, b) => a.id.localeCompare(b.id)),
      ).toEqual([
        { id: "v1", count: 1, sum: 5, distribution: [0, 0, 0, 0, 1] },
        { id: "v2", count: 1, sum: 3, distribution: [0, 0, 1, 0, 0] },
      ]);
      expect(await store.ratingsOf([])).toEqual([]);
    });
  });
}
