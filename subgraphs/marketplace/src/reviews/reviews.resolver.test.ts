import { anonymous, personViewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";
import {
  type Harness,
  outcome,
  people,
  RATING,
  recordEvents,
  SUBMIT,
  seedPeopleAndVendors,
} from "./reviews.harness.js";
import { ReviewsService } from "./reviews.service.js";

const MY_REVIEW = `query ($vendorId: ID!) { myReview(vendorId: $vendorId) { id rating text status flags } }`;
const REVIEWS = `query ($id: ID!, $first: Int, $after: String, $orderBy: ReviewOrder) {
  vendor(id: $id) {
    reviews(first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id text helpfulCount markedHelpfulByMe reply { text repliedAt } author { id } } }
    }
  }
}`;
const QUEUE = `query ($first: Int, $after: String) {
  reviewModerationQueue(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id text status flags vendor { id } author { id } } }
  }
}`;

type Page = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Record<string, unknown> & { id: string } }[];
};

describe("reviews", () => {
  let h: Harness;
  let vendorId: string;
  beforeEach(async () => {
    h = await marketplaceHarness();
    ({ vendorId } = await seedPeopleAndVendors(h));
  });
  afterEach(() => h.close());

  const rating = async () => (await h.run(RATING, { id: vendorId })).data?.vendor;
  const reviewsPage = async (variables: Record<string, unknown> = {}, viewer = anonymous) => {
    const result = await h.run(REVIEWS, { id: vendorId, ...variables }, viewer);
    expect(result.errors).toBeUndefined();
    return (result.data as { vendor: { reviews: Page } }).vendor.reviews;
  };

  it("publishes a clean review, counts it, and announces it", async () => {
    const events = recordEvents(h, ["marketplace.review_submitted", "marketplace.rating_changed"]);
    const result = await h.run(
      SUBMIT,
      { input: { vendorId, rating: 4, text: "  Crispy and fresh.  " } },
      people.alice,
    );
    expect(result.errors).toBeUndefined();
    const review = result.data?.submitReview as { id: string };
    expect(review).toEqual({
      id: expect.any(String),
      rating: 4,
      text: "Crispy and fresh.",
      status: "PUBLISHED",
      flags: [],
      helpfulCount: 0,
      author: { id: "alice" },
      vendor: { id: vendorId },
    });
    expect(await rating()).toEqual({
      rating: {
        average: 4,
        count: 1,
        distribution: [1, 2, 3, 4, 5].map((stars) => ({ stars, count: stars === 4 ? 1 : 0 })),
      },
    });
    await expect.poll(() => events.length).toBe(2);
    expect(events).toEqual([
      {
        type: "marketplace.review_submitted",
        payload: {
          reviewId: review.id,
          vendorId,
          authorId: "alice",
          rating: 4,
          status: "PUBLISHED",
          submittedAt: expect.any(String),
        },
      },
      {
        type: "marketplace.rating_changed",
        payload: { vendorId, average: 4, count: 1, updatedAt: expect.any(String) },
      },
    ]);
  });

  it("has a null average and five empty buckets before any review", async () => {
    expect(await rating()).toEqual({
      rating: {
        average: null,
        count: 0,
        distribution: [1, 2, 3, 4, 5].map((stars) => ({ stars, count: 0 })),
      },
    });
    expect(await reviewsPage()).toMatchObject({ totalCount: 0, edges: [] });
  });

  it.each([
    [{ rating: 6, text: "Too good" }, "rating"],
    [{ rating: 0, text: "Awful" }, "rating"],
    [{ rating: -1, text: "Awful" }, "rating"],
    [{ rating: 3, text: "" }, "text"],
    [{ rating: 3, text: "   \n  " }, "text"],
    [{ rating: 3, text: "x".repeat(2001) }, "text"],
  ])("rejects %j with BAD_USER_INPUT and writes nothing", async (input, field) => {
    const result = await h.run(SUBMIT, { input: { vendorId, ...input } }, people.alice);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(result.data).toBeNull();
    expect(await h.stores.reviews.findByAuthorAndVendor("alice", vendorId)).toBeNull();
    expect(await h.stores.reviews.ratingsOf([vendorId])).toEqual([]);
  });

  it("accepts 2000 characters once trimmed", async () => {
    const text = ` ${"y".repeat(2000)} `;
    const result = await h.run(SUBMIT, { input: { vendorId, rating: 3, text } }, people.alice);
    expect(result.errors).toBeUndefined();
  });

  it("edits the author's review on a second submission: one review, the old stars out and the new in", async () => {
    const first = await h.run(SUBMIT, { input: { vendorId, rating: 5, text: "Loved it" } }, people.alice);
    await h.run(SUBMIT, { input: { vendorId, rating: 3, text: "Good" } }, people.bob);
    const second = await h.run(
      SUBMIT,
      { input: { vendorId, rating: 1, text: "Went downhill" } },
      people.alice,
    );
    type Submitted = { submitReview: { id: string } };
    expect((second.data as Submitted).submitReview.id).toBe((first.data as Submitted).submitReview.id);
    expect(await rating()).toMatchObject({
      rating: {
        average: 2,
        count: 2,
        distribution: [
          { stars: 1, count: 1 },
          { stars: 2, count: 0 },
          { stars: 3, count: 1 },
          { stars: 4, count: 0 },
          { stars: 5, count: 0 },
        ],
      },
    });
    expect((await h.run(MY_REVIEW, { vendorId }, people.alice)).data?.myReview).toMatchObject({
      rating: 1,
      text: "Went downhill",
    });
  });

  it.each([
    ["a blocked word", "This is SHIT, honestly", ["BLOCKED_WORD"]],
    ["a web address", "Coupons at https://deals.example/tacos", ["LINK"]],
    ["a www. address", "see www.deals.example", ["LINK"]],
    ["an e-mail address", "write to tacos@deals.example", ["LINK"]],
    ["both", "shit, see www.deals.example", ["BLOCKED_WORD", "LINK"]],
  ])(
    "holds a review with %s as PENDING: uncounted, unlisted, visible to its author",
    async (_what, text, flags) => {
      const result = await h.run(SUBMIT, { input: { vendorId, rating: 1, text } }, people.alice);
      expect(result.data?.submitReview).toMatchObject({ status: "PENDING", flags });
      expect(await rating()).toMatchObject({ rating: { average: null, count: 0 } });
      expect(await reviewsPage()).toMatchObject({ totalCount: 0, edges: [] });
      expect((await h.run(MY_REVIEW, { vendorId }, people.alice)).data?.myReview).toMatchObject({
        status: "PENDING",
        flags,
      });
      expect((await h.run(MY_REVIEW, { vendorId }, people.bob)).data?.myReview).toBeNull();
      expect((await h.run(MY_REVIEW, { vendorId })).data?.myReview).toBeNull();
    },
  );

  it("does not flag words that merely contain a blocked one", async () => {
    const result = await h.run(
      SUBMIT,
      { input: { vendorId, rating: 5, text: "Shitake tacos, a scunthorpe classic" } },
      people.alice,
    );
    expect(result.data?.submitReview).toMatchObject({ status: "PUBLISHED", flags: [] });
  });

  it("holds the sixth review an account writes within ten minutes (BURST)", async () => {
    let clock = new Date(Date.UTC(2026, 5, 1, 12));
    const reviews = new ReviewsService(h.stores.reviews, h.stores.vendors, h.stores.users, {
      now: () => clock,
    });
    const vendors: string[] = [];
    for (let i = 0; i < 7; i += 1)
      vendors.push(
        (
          await h.services.vendors.create(
            { name: `Cart ${i}`, cuisines: ["bbq"], ownerId: "owner-2" },
            { verified: true },
          )
        ).id,
      );
    // Editing one review again and again is one review, however often.
    for (let i = 0; i < 7; i += 1) {
      clock = new Date(clock.getTime() + 1000);
      const edit = await reviews.submit(people.bob, {
        vendorId: vendors[0] as string,
        rating: 5,
        text: `Nice ${i}`,
      });
      expect(edit.status).toBe("PUBLISHED");
    }
    const statuses: string[] = [];
    for (const id of vendors.slice(0, 6)) {
      clock = new Date(clock.getTime() + 60_000);
      const review = await reviews.submit(people.alice, { vendorId: id, rating: 5, text: "Nice" });
      statuses.push(`${review.status}:${review.flags.join(",")}`);
    }
    expect(statuses).toEqual([...Array(5).fill("PUBLISHED:"), "PENDING:BURST"]);
    // While six are recent, even an edit of one of them is held: the account is still going too fast.
    const edit = await reviews.submit(people.alice, {
      vendorId: vendors[0] as string,
      rating: 4,
      text: "Nice",
    });
    expect(edit).toMatchObject({ status: "PENDING", flags: ["BURST"] });
    // Ten minutes after the first ones, the pace is fine again.
    clock = new Date(clock.getTime() + 10 * 60_000);
    const later = await reviews.submit(people.alice, {
      vendorId: vendors[6] as string,
      rating: 5,
      text: "Nice",
    });
    expect(later.status).toBe("PUBLISHED");
    // Another account is not affected by Alice's pace.
    const bob = await reviews.submit(people.bob, { vendorId: vendors[5] as string, rating: 5, text: "Nice" });
    expect(bob.status).toBe("PUBLISHED");
  });

  it("queues held reviews oldest first, and keeps the rating exact through approvals and rejections", async () => {
    let clock = new Date(Date.UTC(2026, 5, 1, 12));
    const reviews = new ReviewsService(h.stores.reviews, h.stores.vendors, h.stores.users, {
      now: () => clock,
    });
    const submit = async (viewer: (typeof people)["alice"], stars: number, text: string) => {
      clock = new Date(clock.getTime() + 1000);
      return reviews.submit(viewer, { vendorId, rating: stars, text });
    };
    await submit(people.bob, 5, "Perfect");
    const carol = await submit(people.carol, 1, "visit www.rival.example");
    const alice = await submit(people.alice, 2, "shit service");
    const events = recordEvents(h, ["marketplace.review_moderated", "marketplace.rating_changed"]);

    const queue = await h.run(QUEUE, { first: 1 }, people.admin);
    const firstPage = queue.data?.reviewModerationQueue as Page;
    expect(firstPage.totalCount).toBe(2);
    expect(firstPage.edges.map((e) => e.node)).toEqual([
      {
        id: carol.id,
        text: "visit www.rival.example",
        status: "PENDING",
        flags: ["LINK"],
        vendor: { id: vendorId },
        author: { id: "carol" },
      },
    ]);
    const next = await h.run(QUEUE, { first: 1, after: firstPage.pageInfo.endCursor }, people.admin);
    const nextPage = (next.data as { reviewModerationQueue: Page }).reviewModerationQueue;
    expect(nextPage.edges.map((e) => e.node.id)).toEqual([alice.id]);
    expect(nextPage.pageInfo.hasNextPage).toBe(false);
    expect(await rating()).toMatchObject({ rating: { average: 5, count: 1 } });

    const MODERATE = `mutation ($id: ID!, $decision: ModerationDecision!, $reason: String) {
      moderateReview(id: $id, decision: $decision, reason: $reason) { status moderation { decision reason } }
    }`;
    const approved = await h.run(MODERATE, { id: carol.id, decision: "APPROVE" }, people.admin);
    expect(approved.data?.moderateReview).toEqual({
      status: "PUBLISHED",
      moderation: { decision: "APPROVE", reason: null },
    });
    expect(await rating()).toMatchObject({ rating: { average: 3, count: 2 } });
    expect((await reviewsPage()).edges.map((e) => e.node.id)).toContain(carol.id);

    await h.run(MODERATE, { id: alice.id, decision: "REJECT", reason: "Abusive" }, people.admin);
    // Rejecting a published review takes it out of the rating too.
    await h.run(MODERATE, { id: carol.id, decision: "REJECT", reason: "Advert after all" }, people.admin);
    expect(await rating()).toMatchObject({ rating: { average: 5, count: 1 } });
    expect((await h.run(QUEUE, {}, people.admin)).data?.reviewModerationQueue).toMatchObject({
      totalCount: 0,
    });
    expect((await reviewsPage()).totalCount).toBe(1);

    // An edit of a rejected review waits for a moderator again, even with clean text.
    const resubmitted = await submit(people.alice, 4, "Service was fine in the end");
    expect(resubmitted).toMatchObject({ status: "PENDING", flags: [] });
    expect(await rating()).toMatchObject({ rating: { count: 1 } });
    await h.run(MODERATE, { id: alice.id, decision: "APPROVE" }, people.admin);
    expect(await rating()).toMatchObject({ rating: { average: 4.5, count: 2 } });

    await expect.poll(() => events.filter((e) => e.type === "marketplace.review_moderated").length).toBe(4);
    expect(events.filter((e) => e.type === "marketplace.review_moderated").map((e) => e.payload)).toEqual([
      { reviewId: carol.id, vendorId, decision: "APPROVED", moderatorId: "admin-1", at: expect.any(String) },
      { reviewId: alice.id, vendorId, decision: "REJECTED", moderatorId: "admin-1", at: expect.any(String) },
      { reviewId: carol.id, vendorId, decision: "REJECTED", moderatorId: "admin-1", at: expect.any(String) },
      { reviewId: alice.id, vendorId, decision: "APPROVED", moderatorId: "admin-1", at: expect.any(String) },
    ]);
    // A new consumer reads from the oldest event: Bob's review, then the moderations that moved the
    // rating (rejecting the pending review moved nothing), each change later than the one before.
    await expect.poll(() => events.filter((e) => e.type === "marketplace.rating_changed").length).toBe(4);
    const changes = events.filter((e) => e.type === "marketplace.rating_changed").map((e) => e.payload);
    expect(changes.map((c) => c.count)).toEqual([1, 2, 1, 2]);
    const times = changes.map((c) => Date.parse(c.updatedAt as string));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
  });

  it("rejects an unknown review, a bad decision reason, and a foreign queue cursor", async () => {
    const MODERATE = `mutation ($id: ID!, $reason: String) { moderateReview(id: $id, decision: APPROVE, reason: $reason) { id } }`;
    expect(outcome(await h.run(MODERATE, { id: "nope" }, people.admin))).toBe("NOT_FOUND");
    const review = await h.services.reviews.submit(people.alice, {
      vendorId,
      rating: 3,
      text: "www.x.example",
    });
    const long = await h.run(MODERATE, { id: review.id, reason: "r".repeat(501) }, people.admin);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    expect((await h.stores.reviews.findById(review.id))?.status).toBe("PENDING");
    const bad = await h.run(QUEUE, { after: "garbage" }, people.admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("lets the vendor set one reply and edit it, on published reviews only", async () => {
    const REPLY = `mutation ($id: ID!, $text: String!) { replyToReview(reviewId: $id, text: $text) { id reply { text repliedAt } } }`;
    const review = await h.services.reviews.submit(people.alice, { vendorId, rating: 2, text: "Cold fries" });
    const first = await h.run(
      REPLY,
      { id: review.id, text: "  Sorry, come back for free fries!  " },
      people.owner,
    );
    expect(first.data?.replyToReview).toMatchObject({ reply: { text: "Sorry, come back for free fries!" } });
    await h.run(REPLY, { id: review.id, text: "Sorry! Free fries next time." }, people.owner);
    const page = await reviewsPage();
    expect(page.edges[0]?.node.reply).toEqual({
      text: "Sorry! Free fries next time.",
      repliedAt: expect.any(Date),
    });

    const empty = await h.run(REPLY, { id: review.id, text: "   " }, people.owner);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "text" });
    const pending = await h.services.reviews.submit(people.bob, {
      vendorId,
      rating: 1,
      text: "www.x.example",
    });
    expect(outcome(await h.run(REPLY, { id: pending.id, text: "Hm" }, people.owner))).toBe("NOT_FOUND");
    expect(outcome(await h.run(REPLY, { id: "nope", text: "Hm" }, people.owner))).toBe("NOT_FOUND");
    // The author's edit keeps the vendor's reply.
    await h.services.reviews.submit(people.alice, { vendorId, rating: 3, text: "Fries were better" });
    expect((await h.stores.reviews.findById(review.id))?.reply?.text).toBe("Sorry! Free fries next time.");
  });

  it("counts helpful marks once per person, takes them back, and orders by them", async () => {
    let clock = new Date(Date.UTC(2026, 5, 1, 12));
    const reviews = new ReviewsService(h.stores.reviews, h.stores.vendors, h.stores.users, {
      now: () => clock,
    });
    const ids: string[] = [];
    for (const viewer of [people.alice, people.bob, people.carol]) {
      clock = new Date(clock.getTime() + 1000);
      ids.push((await reviews.submit(viewer, { vendorId, rating: 4, text: `By ${viewer.userId}` })).id);
    }
    const [aliceReview, bobReview, carolReview] = ids as [string, string, string];
    const MARK = `mutation ($id: ID!) { markReviewHelpful(reviewId: $id) { helpfulCount markedHelpfulByMe } }`;
    const UNMARK = `mutation ($id: ID!) { unmarkReviewHelpful(reviewId: $id) { helpfulCount markedHelpfulByMe } }`;
    expect((await h.run(MARK, { id: aliceReview }, people.bob)).data?.markReviewHelpful).toEqual({
      helpfulCount: 1,
      markedHelpfulByMe: true,
    });
    expect((await h.run(MARK, { id: aliceReview }, people.bob)).data?.markReviewHelpful).toEqual({
      helpfulCount: 1,
      markedHelpfulByMe: true,
    });
    await h.run(MARK, { id: aliceReview }, people.carol);
    await h.run(MARK, { id: bobReview }, people.carol);
    expect(outcome(await h.run(MARK, { id: carolReview }, people.carol))).toBe("FORBIDDEN");

    const newest = await reviewsPage({}, people.carol);
    expect(newest.edges.map((e) => [e.node.id, e.node.helpfulCount, e.node.markedHelpfulByMe])).toEqual([
      [carolReview, 0, false],
      [bobReview, 1, true],
      [aliceReview, 2, true],
    ]);
    const helpful = await reviewsPage({ orderBy: "MOST_HELPFUL" });
    expect(helpful.edges.map((e) => [e.node.id, e.node.markedHelpfulByMe])).toEqual([
      [aliceReview, false],
      [bobReview, false],
      [carolReview, false],
    ]);

    expect((await h.run(UNMARK, { id: aliceReview }, people.bob)).data?.unmarkReviewHelpful).toEqual({
      helpfulCount: 1,
      markedHelpfulByMe: false,
    });
    expect((await h.run(UNMARK, { id: aliceReview }, people.bob)).data?.unmarkReviewHelpful).toEqual({
      helpfulCount: 1,
      markedHelpfulByMe: false,
    });
    const pending = await reviews.submit(people.admin, { vendorId, rating: 1, text: "www.x.example" });
    expect(outcome(await h.run(MARK, { id: pending.id }, people.bob))).toBe("NOT_FOUND");
  });

  it("pages a vendor's reviews newest first without repeats, and refuses another order's cursor", async () => {
    let clock = new Date(Date.UTC(2026, 5, 1, 12));
    const reviews = new ReviewsService(h.stores.reviews, h.stores.vendors, h.stores.users, {
      now: () => clock,
    });
    const authors = ["u1", "u2", "u3", "u4", "u5"];
    for (const id of authors) await h.services.users.register(`User ${id}`, { id });
    for (const id of authors) {
      clock = new Date(clock.getTime() + 1000);
      await reviews.submit(personViewer(id, ["CUSTOMER"]), { vendorId, rating: 3, text: `From ${id}` });
    }
    const texts: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await reviewsPage({ first: 2, after });
      expect(page.totalCount).toBe(5);
      texts.push(...page.edges.map((e) => e.node.text as string));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(texts).toEqual(["From u5", "From u4", "From u3", "From u2", "From u1"]);
    const first = await reviewsPage({ first: 1 });
    const wrongOrder = await h.run(REVIEWS, {
      id: vendorId,
      orderBy: "MOST_HELPFUL",
      after: first.pageInfo.endCursor,
    });
    expect(wrongOrder.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const big = await h.run(REVIEWS, { id: vendorId, first: 101 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });

  it("takes a deleted review out of the rating and the list", async () => {
    const review = await h.services.reviews.submit(people.alice, { vendorId, rating: 5, text: "Great" });
    await h.services.reviews.submit(people.bob, { vendorId, rating: 3, text: "Fine" });
    await h.services.reviews.setHelpful(people.bob, review.id, true);
    await h.run(`mutation ($id: ID!) { deleteReview(id: $id) }`, { id: review.id }, people.alice);
    expect(await rating()).toMatchObject({ rating: { average: 3, count: 1 } });
    expect((await reviewsPage()).edges.map((e) => e.node.text)).toEqual(["Fine"]);
    expect(outcome(await h.run(`mutation { deleteReview(id: "nope") }`, {}, people.admin))).toBe("NOT_FOUND");
  });
});
