import { anonymous, type Viewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";
import { type Harness, outcome, people, SUBMIT, seedPeopleAndVendors } from "./reviews.harness.js";

const REPLY = `mutation ($id: ID!, $text: String!) { replyToReview(reviewId: $id, text: $text) { reply { text } } }`;
const MODERATE = `mutation ($id: ID!, $decision: ModerationDecision!) {
  moderateReview(id: $id, decision: $decision, reason: "checked") { status }
}`;
const QUEUE = `{ reviewModerationQueue { totalCount } }`;
const HELPFUL = `mutation ($id: ID!) { markReviewHelpful(reviewId: $id) { helpfulCount } }`;
const DELETE = `mutation ($id: ID!) { deleteReview(id: $id) }`;

describe("who may do what with reviews", () => {
  let h: Harness;
  let vendorId: string;
  let otherVendorId: string;
  let reviewId: string;
  let pendingId: string;

  beforeEach(async () => {
    h = await marketplaceHarness();
    ({ vendorId, otherVendorId } = await seedPeopleAndVendors(h));
    reviewId = (await h.services.reviews.submit(people.bob, { vendorId, rating: 4, text: "Good tacos" })).id;
    pendingId = (
      await h.services.reviews.submit(people.carol, { vendorId, rating: 1, text: "see www.other.example" })
    ).id;
  });
  afterEach(() => h.close());

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a partner key", people.partner, "FORBIDDEN"],
    ["a signed-in person without an account", people.stranger, "FORBIDDEN"],
    ["the vendor's owner", people.owner, "FORBIDDEN"],
    ["the owner of another vendor", people.otherOwner, "allowed"],
    ["a customer", people.alice, "allowed"],
    ["an admin with an account", people.admin, "allowed"],
  ])("submitReview by %s: %s", async (_who, viewer, expected) => {
    const result = await h.run(SUBMIT, { input: { vendorId, rating: 5, text: "Great" } }, viewer);
    expect(outcome(result)).toBe(expected);
    const stored = viewer.userId
      ? await h.stores.reviews.findByAuthorAndVendor(viewer.userId, vendorId)
      : null;
    expect(stored !== null).toBe(expected === "allowed");
    expect((await h.stores.reviews.ratingsOf([vendorId]))[0]?.count).toBe(expected === "allowed" ? 2 : 1);
  });

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a partner key", people.partner, "FORBIDDEN"],
    ["a customer", people.alice, "FORBIDDEN"],
    ["the review's author", people.bob, "FORBIDDEN"],
    ["the owner of another vendor", people.otherOwner, "FORBIDDEN"],
    ["the vendor's owner", people.owner, "allowed"],
    ["an admin", people.admin, "allowed"],
  ])("replyToReview by %s: %s", async (_who, viewer, expected) => {
    const result = await h.run(REPLY, { id: reviewId, text: "Thanks for coming!" }, viewer);
    expect(outcome(result)).toBe(expected);
    expect((await h.stores.reviews.findById(reviewId))?.reply?.text ?? null).toBe(
      expected === "allowed" ? "Thanks for coming!" : null,
    );
  });

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a partner key", people.partner, "FORBIDDEN"],
    ["a customer", people.alice, "FORBIDDEN"],
    ["the review's author", people.carol, "FORBIDDEN"],
    ["the vendor's owner", people.owner, "FORBIDDEN"],
    ["an admin", people.admin, "allowed"],
  ])("moderateReview and the queue by %s: %s", async (_who, viewer, expected) => {
    expect(outcome(await h.run(QUEUE, {}, viewer))).toBe(expected);
    const result = await h.run(MODERATE, { id: pendingId, decision: "APPROVE" }, viewer);
    expect(outcome(result)).toBe(expected);
    expect((await h.stores.reviews.findById(pendingId))?.status).toBe(
      expected === "allowed" ? "PUBLISHED" : "PENDING",
    );
  });

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a partner key", people.partner, "FORBIDDEN"],
    ["the review's author", people.bob, "FORBIDDEN"],
    ["a customer", people.alice, "allowed"],
    ["a signed-in person without an account", people.stranger, "FORBIDDEN"],
    ["the vendor's owner", people.owner, "allowed"],
  ])("markReviewHelpful by %s: %s", async (_who, viewer, expected) => {
    const result = await h.run(HELPFUL, { id: reviewId }, viewer);
    expect(outcome(result)).toBe(expected);
    expect((await h.stores.reviews.findById(reviewId))?.helpfulCount).toBe(expected === "allowed" ? 1 : 0);
  });

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a partner key", people.partner, "FORBIDDEN"],
    ["a customer", people.alice, "FORBIDDEN"],
    ["the vendor's owner", people.owner, "FORBIDDEN"],
    ["the review's author", people.bob, "allowed"],
    ["an admin", people.admin, "allowed"],
  ])("deleteReview by %s: %s", async (_who, viewer, expected) => {
    const result = await h.run(DELETE, { id: reviewId }, viewer);
    expect(outcome(result)).toBe(expected);
    if (expected === "allowed") expect(result.data?.deleteReview).toBe(reviewId);
    expect(await h.stores.reviews.findById(reviewId)).toEqual(
      expected === "allowed" ? null : expect.anything(),
    );
    expect((await h.stores.reviews.ratingsOf([vendorId]))[0]?.count).toBe(expected === "allowed" ? 0 : 1);
  });

  it("hides unpublished reviews, flags and moderation from everyone but the author and admins", async () => {
    const REVIEW = `query ($id: ID!) { review(id: $id) { status flags moderation { decision reason } } }`;
    const who = async (viewer: Viewer) => (await h.run(REVIEW, { id: pendingId }, viewer)).data?.review;
    expect(await who(anonymous)).toBeNull();
    expect(await who(people.alice)).toBeNull();
    expect(await who(people.owner)).toBeNull();
    expect(await who(people.carol)).toEqual({ status: "PENDING", flags: ["LINK"], moderation: null });
    expect(await who(people.admin)).toEqual({ status: "PENDING", flags: ["LINK"], moderation: null });

    await h.services.reviews.moderate("admin-1", pendingId, "REJECT", "no ads please");
    expect(await who(people.alice)).toBeNull();
    expect(await who(people.carol)).toEqual({
      status: "REJECTED",
      flags: ["LINK"],
      moderation: { decision: "REJECT", reason: "no ads please" },
    });

    // A published review is public, but its flags (none here) stay between author and admins.
    const published = async (viewer: Viewer) => (await h.run(REVIEW, { id: reviewId }, viewer)).data?.review;
    expect(await published(anonymous)).toEqual({ status: "PUBLISHED", flags: null, moderation: null });
    expect(await published(people.bob)).toEqual({ status: "PUBLISHED", flags: [], moderation: null });
  });

  it("treats a vendor that is not verified yet as unknown", async () => {
    const draft = await h.services.vendors.create({
      name: "Draft Cart",
      cuisines: ["bbq"],
      ownerId: "owner-2",
    });
    const result = await h.run(
      SUBMIT,
      { input: { vendorId: draft.id, rating: 5, text: "Hi" } },
      people.alice,
    );
    expect(outcome(result)).toBe("NOT_FOUND");
    const missing = await h.run(SUBMIT, { input: { vendorId: "nope", rating: 5, text: "Hi" } }, people.alice);
    expect(outcome(missing)).toBe("NOT_FOUND");
    expect(await h.stores.reviews.findByAuthorAndVendor("alice", draft.id)).toBeNull();
    // A verified vendor is reviewable as ever.
    const other = await h.run(
      SUBMIT,
      { input: { vendorId: otherVendorId, rating: 5, text: "Hi" } },
      people.alice,
    );
    expect(outcome(other)).toBe("allowed");
  });
});
