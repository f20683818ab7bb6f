import { personViewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";
import { type Harness, people, RATING, SUBMIT, seedPeopleAndVendors } from "./reviews.harness.js";

describe("vendor ratings", () => {
  let h: Harness;
  let vendorId: string;
  beforeEach(async () => {
    h = await marketplaceHarness();
    ({ vendorId } = await seedPeopleAndVendors(h));
  });
  afterEach(() => h.close());

  /** Counts the store's batch reads of ratings while `run` runs. */
  async function ratingReads<T>(run: () => Promise<T>): Promise<{ result: T; reads: number }> {
    let reads = 0;
    const ratingsOf = h.stores.reviews.ratingsOf.bind(h.stores.reviews);
    h.stores.reviews.ratingsOf = (ids) => {
      reads += 1;
      return ratingsOf(ids);
    };
    return { result: await run(), reads };
  }

  it("reads the rating of 30 vendors in one response with one store query", async () => {
    for (let i = 0; i < 30; i += 1) {
      const vendor = await h.services.vendors.create(
        { name: `Cart ${i}`, cuisines: ["bbq"], ownerId: "owner-2" },
        { verified: true },
      );
      if (i % 3 === 0) {
        // A different author each time: one person writing ten reviews at once would be a BURST.
        const author = await h.services.users.register(`Reader ${i}`, { id: `reader-${i}` });
        await h.services.reviews.submit(personViewer(author.id, ["CUSTOMER"]), {
          vendorId: vendor.id,
          rating: (i % 5) + 1,
          text: "Ok",
        });
      }
    }
    const { result, reads } = await ratingReads(() =>
      h.run(
        `{ vendors(first: 100) { edges { node { id rating { average count distribution { stars count } } } } } }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    const edges = (
      result.data as { vendors: { edges: { node: { id: string; rating: { count: number } } }[] } }
    ).vendors.edges;
    expect(edges).toHaveLength(32);
    expect(edges.filter((e) => e.node.rating.count === 1)).toHaveLength(10);
    expect(reads).toBe(1);
  });

  it("reads the ratings of vendors the router asks for (entities) in one store query", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1)
      ids.push(
        (
          await h.services.vendors.create(
            { name: `Cart ${i}`, cuisines: ["bbq"], ownerId: "owner-2" },
            { verified: true },
          )
        ).id,
      );
    const { result, reads } = await ratingReads(() =>
      h.run(
        `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Vendor { id rating { count } reviews(first: 1) { totalCount } } } }`,
        { representations: ids.map((id) => ({ __typename: "Vendor", id })) },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(reads).toBe(1);
  });

  it("counts reviews submitted in parallel by different people exactly", async () => {
    const authors = Array.from({ length: 30 }, (_, i) => `reader-${i}`);
    for (const id of authors) await h.services.users.register(`Reader ${id}`, { id });
    const results = await Promise.all(
      authors.map((id, i) =>
        h.run(
          SUBMIT,
          { input: { vendorId, rating: (i % 5) + 1, text: `Review ${i}` } },
          personViewer(id, ["CUSTOMER"]),
        ),
      ),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const rating = (await h.run(RATING, { id: vendorId })).data?.vendor as {
      rating: { average: number; count: number; distribution: { stars: number; count: number }[] };
    };
    expect(rating.rating).toEqual({
      average: 3,
      count: 30,
      distribution: [1, 2, 3, 4, 5].map((stars) => ({ stars, count: 6 })),
    });
  });

  it("keeps one review when the same person submits several times at once", async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((stars) =>
        h.run(SUBMIT, { input: { vendorId, rating: stars, text: `Take ${stars}` } }, people.alice),
      ),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const ids = new Set(results.map((r) => (r.data as { submitReview: { id: string } }).submitReview.id));
    expect(ids.size).toBe(1);
    const stored = await h.stores.reviews.findByAuthorAndVendor("alice", vendorId);
    const [rating] = await h.stores.reviews.ratingsOf([vendorId]);
    expect(rating).toMatchObject({ count: 1, sum: stored?.rating });
  });
});
