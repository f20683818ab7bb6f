import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";
import { type Harness, people, seedPeopleAndVendors } from "./reviews.harness.js";

describe("a person's reviews under GDPR", () => {
  let h: Harness;
  let vendorId: string;
  let otherVendorId: string;
  beforeEach(async () => {
    h = await marketplaceHarness();
    ({ vendorId, otherVendorId } = await seedPeopleAndVendors(h));
  });
  afterEach(() => h.close());

  it("exports what the person wrote and voted, and nobody else's", async () => {
    const mine = await h.services.reviews.submit(people.alice, { vendorId, rating: 4, text: "Tasty" });
    const bobs = await h.services.reviews.submit(people.bob, { vendorId, rating: 2, text: "Meh" });
    await h.services.reviews.reply(people.owner, mine.id, "Thanks Alice");
    await h.services.reviews.setHelpful(people.alice, bobs.id, true);
    const { json } = await h.services.personalData.exportData("alice");
    const exported = JSON.parse(json) as { modules: { reviews: unknown } };
    expect(exported.modules.reviews).toEqual({
      reviews: [
        {
          id: mine.id,
          vendorId,
          rating: 4,
          text: "Tasty",
          status: "PUBLISHED",
          flags: [],
          moderation: null,
          createdAt: mine.createdAt.toISOString(),
          updatedAt: mine.updatedAt.toISOString(),
        },
      ],
      helpfulVotes: [{ reviewId: bobs.id, createdAt: expect.any(String) }],
    });
    expect(json).not.toContain("Thanks Alice");
    expect(json).not.toContain("Meh");
  });

  it("deletes the person's reviews out of every rating and withdraws their helpful votes", async () => {
    await h.services.reviews.submit(people.alice, { vendorId, rating: 5, text: "Great" });
    await h.services.reviews.submit(people.alice, {
      vendorId: otherVendorId,
      rating: 1,
      text: "see www.x.example",
    });
    const bobs = await h.services.reviews.submit(people.bob, { vendorId, rating: 3, text: "Fine" });
    await h.services.reviews.setHelpful(people.alice, bobs.id, true);

    await h.services.personalData.deleteAccount("alice", true);

    expect(await h.stores.reviews.listByAuthor("alice")).toEqual([]);
    expect(await h.stores.reviews.helpfulVotesBy("alice")).toEqual([]);
    expect((await h.stores.reviews.findById(bobs.id))?.helpfulCount).toBe(0);
    const ratings = await h.stores.reviews.ratingsOf([vendorId, otherVendorId]);
    expect(ratings.find((r) => r.vendorId === vendorId)).toMatchObject({ count: 1, sum: 3 });
    expect(ratings.find((r) => r.vendorId === otherVendorId)?.count ?? 0).toBe(0);
    // Erasing again (a retried deletion) finds nothing left and changes nothing.
    await h.services.personalData.deleteAccount("alice", true);
    expect((await h.stores.reviews.ratingsOf([vendorId]))[0]).toMatchObject({ count: 1, sum: 3 });
  });
});
