import { anonymous, partnerViewer, personViewer, type Viewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

/** Every way a vendor can be read: each must hide an unverified vendor from the same people. */
const READS = `query ($id: ID!, $slug: String!, $owner: ID!, $representations: [_Any!]!) {
  vendor(id: $id) { id }
  vendorBySlug(slug: $slug) { id }
  vendorsByIds(ids: [$id]) { id }
  vendors(first: 100) { totalCount edges { node { id } } }
  user(id: $owner) { vendors(first: 100) { totalCount edges { node { id } } } }
  _entities(representations: $representations) { ... on Vendor { id } }
}`;

interface Reads {
  vendor: { id: string } | null;
  vendorBySlug: { id: string } | null;
  vendorsByIds: ({ id: string } | null)[];
  vendors: { totalCount: number; edges: { node: { id: string } }[] };
  user: { vendors: { totalCount: number; edges: { node: { id: string } }[] } };
  _entities: ({ id: string } | null)[];
}

describe("who sees a vendor that is not verified yet", () => {
  let h: Harness;
  let hidden: { id: string; slug: string };
  let listed: { id: string; slug: string };

  beforeEach(async () => {
    h = await marketplaceHarness();
    await h.services.users.register("Owner", { id: "owner-1" });
    listed = await h.services.vendors.create(
      { name: "Listed Cart", cuisines: ["tacos"], ownerId: "owner-1" },
      { verified: true },
    );
    hidden = await h.services.vendors.create({ name: "New Cart", cuisines: ["tacos"], ownerId: "owner-1" });
  });
  afterEach(() => h.close());

  const read = async (viewer: Viewer, vendor: { id: string; slug: string }) => {
    const result = await h.run(
      READS,
      {
        id: vendor.id,
        slug: vendor.slug,
        owner: "owner-1",
        representations: [{ __typename: "Vendor", id: vendor.id }],
      },
      viewer,
    );
    expect(result.errors).toBeUndefined();
    return result.data as unknown as Reads;
  };

  it.each<[string, Viewer, boolean]>([
    ["anonymous", anonymous, false],
    ["a customer", personViewer("customer-1", ["CUSTOMER"]), false],
    ["another vendor account", personViewer("owner-2", ["VENDOR"]), false],
    ["a partner key", partnerViewer({ keyId: "k", name: "Eat Map", scopes: ["READ"] }), false],
    ["its owner", personViewer("owner-1", ["VENDOR"]), true],
    ["an admin", personViewer("admin-1", ["ADMIN"]), true],
  ])("%s: sees it %s", async (_who, viewer, seesHidden) => {
    const expected = seesHidden ? { id: hidden.id } : null;
    const reads = await read(viewer, hidden);
    expect(reads.vendor).toEqual(expected);
    expect(reads.vendorBySlug).toEqual(expected);
    expect(reads.vendorsByIds).toEqual([expected]);
    expect(reads._entities).toEqual([expected]);
    const listedIds = seesHidden ? [listed.id, hidden.id].sort() : [listed.id];
    expect(reads.vendors.edges.map((e) => e.node.id).sort()).toEqual(listedIds);
    expect(reads.vendors.totalCount).toBe(listedIds.length);
    expect(reads.user.vendors.edges.map((e) => e.node.id).sort()).toEqual(listedIds);
    expect(reads.user.vendors.totalCount).toBe(listedIds.length);
    // A verified vendor is everyone's.
    expect((await read(viewer, listed)).vendor).toEqual({ id: listed.id });
  });

  it("shows it to everyone once an admin verifies it", async () => {
    await h.services.onboarding.submit(hidden.id, "owner-1");
    expect((await read(anonymous, hidden)).vendor).toBeNull();
    await h.services.onboarding.verify(hidden.id, "admin-1");
    const reads = await read(anonymous, hidden);
    expect(reads.vendor).toEqual({ id: hidden.id });
    expect(reads._entities).toEqual([{ id: hidden.id }]);
    expect(reads.vendors.totalCount).toBe(2);
  });

  it("lets admins narrow a list to one onboarding state; others only within what they see", async () => {
    const drafts = `{ vendors(filter: { verification: DRAFT }) { totalCount } }`;
    expect((await h.run(drafts, {}, personViewer("admin-1", ["ADMIN"]))).data?.vendors).toEqual({
      totalCount: 1,
    });
    expect((await h.run(drafts, {}, anonymous)).data?.vendors).toEqual({ totalCount: 0 });
    expect((await h.run(drafts, {}, personViewer("owner-1", ["VENDOR"]))).data?.vendors).toEqual({
      totalCount: 1,
    });
  });
});
