import { postGraphQL, type SignedUp, type Stack, startStack } from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const HERE = { lat: 30.2642, lng: -97.7473 };

const CREATE = `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id verification } }`;
const MOVE = `mutation ($input: UpdateVendorLocationInput!) { updateVendorLocation(input: $input) { isLive } }`;
const NEARBY = `query ($near: GeoPointInput!) {
  nearbyVendors(near: $near, radiusMeters: 200) { totalCount edges { node { id name verification } } }
}`;
const VENDOR = `query ($id: ID!) { vendor(id: $id) { id name verification rejectionReason location { isLive } } }`;
const SUBMIT = `mutation ($id: ID!) { submitVendorForReview(vendorId: $id) { verification } }`;
const QUEUE = `{ vendorReviewQueue(first: 100) { totalCount edges { node { id name owner { id } } } } }`;
const VERIFY = `mutation ($id: ID!) { verifyVendor(vendorId: $id) { verification } }`;
const REJECT = `mutation ($id: ID!, $reason: String!) { rejectVendor(vendorId: $id, reason: $reason) { verification } }`;

type NearbyData = { nearbyVendors: { totalCount: number; edges: { node: { id: string; name: string } }[] } };

describe("vendor onboarding, through the router", () => {
  let stack: Stack;
  let owner: SignedUp;
  let admin: Record<string, string>;
  const api = <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => postGraphQL<T>(`${stack.urls.router}/graphql`, query, variables, headers);
  const nearbyIds = async () =>
    (await api<NearbyData>(NEARBY, { near: HERE })).data?.nearbyVendors.edges.map((e) => e.node.id) ?? [];

  beforeAll(async () => {
    stack = await startStack();
    owner = await stack.signUp("Rosa", ["VENDOR"]);
    admin = { authorization: `Bearer ${await stack.token("admin-1", ["ADMIN"])}` };
  });
  afterAll(() => stack?.close());

  it("lists a new vendor near customers only once an admin has verified it", async () => {
    const created = await api<{ createVendor: { id: string; verification: string } }>(
      CREATE,
      { input: { name: "Rosa's Tamales", cuisines: ["tamales"], status: "OPEN" } },
      owner.headers,
    );
    expect(created.data?.createVendor.verification).toBe("DRAFT");
    const vendorId = created.data?.createVendor.id as string;

    // The owner's device reports a position while the vendor is still a draft: it is accepted
    // (once location has heard of the vendor), but the vendor is not listed.
    await expect
      .poll(
        async () =>
          (await api(MOVE, { input: { vendorId, ...HERE } }, owner.headers)).errors?.[0]?.extensions?.code ??
          "accepted",
        { timeout: 5_000 },
      )
      .toBe("accepted");
    expect(await nearbyIds()).not.toContain(vendorId);
    expect((await api(VENDOR, { id: vendorId })).data?.vendor).toBeNull();
    expect((await api(VENDOR, { id: vendorId }, owner.headers)).data?.vendor).toMatchObject({
      id: vendorId,
      verification: "DRAFT",
      location: { isLive: true },
    });
    // An admin cannot verify what was never submitted.
    expect((await api(VERIFY, { id: vendorId }, admin)).errors?.[0]?.extensions?.code).toBe("CONFLICT");

    expect((await api(SUBMIT, { id: vendorId }, owner.headers)).data).toEqual({
      submitVendorForReview: { verification: "SUBMITTED" },
    });
    const queue = await api<{
      vendorReviewQueue: { edges: { node: { id: string; owner: { id: string } } }[] };
    }>(QUEUE, {}, admin);
    expect(queue.data?.vendorReviewQueue.edges.map((e) => e.node)).toContainEqual({
      id: vendorId,
      name: "Rosa's Tamales",
      owner: { id: owner.userId },
    });
    expect((await api(QUEUE, {}, owner.headers)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await nearbyIds()).not.toContain(vendorId);

    expect((await api(VERIFY, { id: vendorId }, admin)).data).toEqual({
      verifyVendor: { verification: "VERIFIED" },
    });
    // Location learns of the verification from marketplace's event a moment later.
    await expect.poll(nearbyIds, { timeout: 5_000 }).toContain(vendorId);
    expect((await api(VENDOR, { id: vendorId })).data?.vendor).toMatchObject({
      name: "Rosa's Tamales",
      verification: "VERIFIED",
      rejectionReason: null,
    });
  });

  it("tells the owner why a vendor was rejected, and takes it back for review", async () => {
    const created = await api<{ createVendor: { id: string } }>(
      CREATE,
      { input: { name: "Pending Pupusas", cuisines: ["pupusas"] } },
      owner.headers,
    );
    const vendorId = created.data?.createVendor.id as string;
    await api(SUBMIT, { id: vendorId }, owner.headers);
    const reason = "Add a photo of your food permit";
    expect((await api(REJECT, { id: vendorId, reason }, admin)).data).toEqual({
      rejectVendor: { verification: "REJECTED" },
    });
    expect((await api(VENDOR, { id: vendorId }, owner.headers)).data?.vendor).toMatchObject({
      verification: "REJECTED",
      rejectionReason: reason,
    });
    expect((await api(VENDOR, { id: vendorId })).data?.vendor).toBeNull();
    expect((await api(SUBMIT, { id: vendorId }, owner.headers)).data).toEqual({
      submitVendorForReview: { verification: "SUBMITTED" },
    });
  });
});
