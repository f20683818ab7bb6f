import { personViewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

const outcome = (result: { errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

describe("a deleted account gathers no new personal data", () => {
  let h: Harness;
  let vendorId: string;
  const dana = personViewer("dana", ["CUSTOMER"]);
  beforeEach(async () => {
    h = await marketplaceHarness();
    await h.services.users.register("Owner", { id: "owner-1" });
    await h.services.users.register("Dana", { id: "dana" });
    vendorId = (
      await h.services.vendors.create(
        { name: "Cart", cuisines: ["tacos"], ownerId: "owner-1" },
        { verified: true },
      )
    ).id;
    await h.services.personalData.deleteAccount("dana", true);
  });
  afterEach(() => h.close());

  it("refuses reviews, favorites and helpful votes with CONFLICT, writing nothing", async () => {
    const review = await h.run(
      `mutation ($input: SubmitReviewInput!) { submitReview(input: $input) { id } }`,
      { input: { vendorId, rating: 5, text: "Back from the dead" } },
      dana,
    );
    expect(outcome(review)).toBe("CONFLICT");
    expect(
      outcome(
        await h.run(`mutation ($id: ID!) { addFavorite(vendorId: $id) { id } }`, { id: vendorId }, dana),
      ),
    ).toBe("CONFLICT");
    const vendor = await h.run(`query ($id: ID!) { vendor(id: $id) { rating { count } favoritesCount } }`, {
      id: vendorId,
    });
    expect(vendor.data?.vendor).toEqual({ rating: { count: 0 }, favoritesCount: 0 });
  });
});
