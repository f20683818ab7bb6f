import { anonymous, partnerViewer, personViewer, type Viewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplaceHarness } from "../marketplace.harness.js";
import { OnboardingService } from "./onboarding.service.js";

type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

const SUBMIT = `mutation ($id: ID!) { submitVendorForReview(vendorId: $id) { id verification } }`;
const VERIFY = `mutation ($id: ID!) { verifyVendor(vendorId: $id) { id verification } }`;
const REJECT = `mutation ($id: ID!, $reason: String!) { rejectVendor(vendorId: $id, reason: $reason) { id verification rejectionReason } }`;
const VENDOR = `query ($id: ID!) { vendor(id: $id) { id verification rejectionReason submittedForReviewAt } }`;
const QUEUE = `query ($first: Int, $after: String) { vendorReviewQueue(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name submittedForReviewAt } } } }`;

const outcome = (result: { errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  result.errors?.[0]?.extensions?.code ?? "allowed";

const owner = personViewer("owner-1", ["VENDOR", "CUSTOMER"]);
const otherVendor = personViewer("owner-2", ["VENDOR"]);
const customer = personViewer("customer-1", ["CUSTOMER"]);
const admin = personViewer("admin-1", ["ADMIN"]);
const partner = partnerViewer({ keyId: "key-1", name: "Eat Map", scopes: ["READ", "SUBSCRIBE"] });

describe("vendor onboarding", () => {
  let h: Harness;
  let vendorId: string;
  const verificationOf = async (id = vendorId) => (await h.stores.vendors.findById(id))?.verification;

  beforeEach(async () => {
    h = await marketplaceHarness();
    await h.services.users.register("Owner", { id: "owner-1" });
    await h.services.users.register("Other", { id: "owner-2" });
    vendorId = (await h.services.vendors.create({ name: "Cart", cuisines: ["coffee"], ownerId: "owner-1" }))
      .id;
  });
  afterEach(() => h.close());

  it("starts vendors created through the API as DRAFT", async () => {
    const created = await h.run(
      `mutation { createVendor(input: { name: "New Cart", cuisines: ["tacos"] }) { verification rejectionReason submittedForReviewAt } }`,
      {},
      owner,
    );
    expect(created.data?.createVendor).toEqual({
      verification: "DRAFT",
      rejectionReason: null,
      submittedForReviewAt: null,
    });
  });

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a customer", customer, "FORBIDDEN"],
    ["a partner key", partner, "FORBIDDEN"],
    ["another vendor account", otherVendor, "FORBIDDEN"],
    ["its owner", owner, "allowed"],
    ["an admin", admin, "allowed"],
  ])("submitVendorForReview by %s: %s", async (_who, viewer, expected) => {
    expect(outcome(await h.run(SUBMIT, { id: vendorId }, viewer))).toBe(expected);
    expect(await verificationOf()).toBe(expected === "allowed" ? "SUBMITTED" : "DRAFT");
  });

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a customer", customer, "FORBIDDEN"],
    ["a partner key", partner, "FORBIDDEN"],
    ["its owner", owner, "FORBIDDEN"],
    ["an admin", admin, "allowed"],
  ])("verifyVendor and rejectVendor by %s: %s", async (_who, viewer, expected) => {
    await h.run(SUBMIT, { id: vendorId }, owner);
    expect(outcome(await h.run(REJECT, { id: vendorId, reason: "No permit" }, viewer))).toBe(expected);
    expect(await verificationOf()).toBe(expected === "allowed" ? "REJECTED" : "SUBMITTED");
    if (expected === "allowed") await h.run(SUBMIT, { id: vendorId }, owner);
    expect(outcome(await h.run(VERIFY, { id: vendorId }, viewer))).toBe(expected);
    expect(await verificationOf()).toBe(expected === "allowed" ? "VERIFIED" : "SUBMITTED");
  });

  it("goes DRAFT → SUBMITTED → REJECTED → (edited) SUBMITTED → VERIFIED, refusing steps out of turn", async () => {
    expect(outcome(await h.run(VERIFY, { id: vendorId }, admin))).toBe("CONFLICT");
    expect(outcome(await h.run(REJECT, { id: vendorId, reason: "No" }, admin))).toBe("CONFLICT");
    expect((await h.run(SUBMIT, { id: vendorId }, owner)).data?.submitVendorForReview).toEqual({
      id: vendorId,
      verification: "SUBMITTED",
    });
    expect(outcome(await h.run(SUBMIT, { id: vendorId }, owner))).toBe("CONFLICT");

    const empty = await h.run(REJECT, { id: vendorId, reason: "   " }, admin);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    expect(await verificationOf()).toBe("SUBMITTED");
    const rejected = await h.run(REJECT, { id: vendorId, reason: " Upload a  food permit " }, admin);
    expect(rejected.data?.rejectVendor).toEqual({
      id: vendorId,
      verification: "REJECTED",
      rejectionReason: "Upload a food permit",
    });
    // The owner sees why; customers do not see the vendor at all.
    expect((await h.run(VENDOR, { id: vendorId }, owner)).data?.vendor).toMatchObject({
      verification: "REJECTED",
      rejectionReason: "Upload a food permit",
    });
    expect((await h.run(VENDOR, { id: vendorId }, customer)).data?.vendor).toBeNull();

    const edited = await h.run(
      `mutation ($id: ID!) { updateVendor(input: { id: $id, description: "Permit uploaded" }) { verification } }`,
      { id: vendorId },
      owner,
    );
    expect(edited.data?.updateVendor).toEqual({ verification: "REJECTED" });
    expect(outcome(await h.run(SUBMIT, { id: vendorId }, owner))).toBe("allowed");
    const resubmitted = (await h.run(VENDOR, { id: vendorId }, admin)).data?.vendor as Record<
      string,
      unknown
    >;
    expect(resubmitted).toMatchObject({ verification: "SUBMITTED", rejectionReason: null });
    expect(resubmitted.submittedForReviewAt).not.toBeNull();

    expect((await h.run(VERIFY, { id: vendorId }, admin)).data?.verifyVendor).toEqual({
      id: vendorId,
      verification: "VERIFIED",
    });
    expect(outcome(await h.run(VERIFY, { id: vendorId }, admin))).toBe("CONFLICT");
    expect(outcome(await h.run(SUBMIT, { id: vendorId }, owner))).toBe("CONFLICT");
    // Public now, but the review's details stay between the owner and the admins.
    expect((await h.run(VENDOR, { id: vendorId }, customer)).data?.vendor).toEqual({
      id: vendorId,
      verification: "VERIFIED",
      rejectionReason: null,
      submittedForReviewAt: null,
    });
  });

  it("answers NOT_FOUND for an unknown vendor", async () => {
    expect(outcome(await h.run(SUBMIT, { id: "nope" }, owner))).toBe("NOT_FOUND");
    expect(outcome(await h.run(VERIFY, { id: "nope" }, admin))).toBe("NOT_FOUND");
    expect(outcome(await h.run(REJECT, { id: "nope", reason: "x" }, admin))).toBe("NOT_FOUND");
  });

  it("announces each step, and the new snapshot other subgraphs list vendors by", async () => {
    const seen: { type: string; payload: Record<string, unknown> }[] = [];
    h.bus.consume(
      "test",
      [
        "marketplace.vendor_updated",
        "marketplace.vendor_submitted",
        "marketplace.vendor_verified",
        "marketplace.vendor_rejected",
      ],
      (event) => {
        seen.push({ type: event.type, payload: event.payload as Record<string, unknown> });
      },
    );
    await h.run(SUBMIT, { id: vendorId }, owner);
    await h.run(REJECT, { id: vendorId, reason: "No permit" }, admin);
    await h.run(SUBMIT, { id: vendorId }, owner);
    await h.run(VERIFY, { id: vendorId }, admin);
    await expect.poll(() => seen.length).toBe(8);
    expect(seen.map((e) => e.type)).toEqual([
      "marketplace.vendor_updated",
      "marketplace.vendor_submitted",
      "marketplace.vendor_updated",
      "marketplace.vendor_rejected",
      "marketplace.vendor_updated",
      "marketplace.vendor_submitted",
      "marketplace.vendor_updated",
      "marketplace.vendor_verified",
    ]);
    expect(seen[1]?.payload).toEqual({ vendorId, actorId: "owner-1", at: expect.any(String) });
    expect(seen[3]?.payload).toMatchObject({ vendorId, actorId: "admin-1", reason: "No permit" });
    expect(seen[6]?.payload).toMatchObject({
      vendorId,
      verification: "VERIFIED",
      description: null,
      ownerId: "owner-1",
      version: 5,
    });
  });

  it("lets only one of two admins deciding at once win", async () => {
    await h.run(SUBMIT, { id: vendorId }, owner);
    const results = await Promise.all([
      h.run(VERIFY, { id: vendorId }, admin),
      h.run(REJECT, { id: vendorId, reason: "No permit" }, personViewer("admin-2", ["ADMIN"])),
    ]);
    expect(results.map(outcome).sort()).toEqual(["CONFLICT", "allowed"]);
    const stored = await h.stores.vendors.findById(vendorId);
    expect(stored?.version).toBe(3);
  });
});

describe("the review queue", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await marketplaceHarness();
    await h.services.users.register("Owner", { id: "owner-1" });
  });
  afterEach(() => h.close());

  it("lists SUBMITTED vendors to admins, oldest submission first, paging without repeats", async () => {
    let clock = Date.UTC(2026, 0, 1);
    const tick = () => {
      clock += 1000;
      return new Date(clock);
    };
    const onboarding = new OnboardingService(h.stores.vendors, tick);
    const names = ["First", "Second", "Third", "Fourth", "Fifth"];
    const ids = new Map<string, string>();
    for (const name of names) {
      const vendor = await h.services.vendors.create({ name, cuisines: ["bbq"], ownerId: "owner-1" });
      ids.set(name, vendor.id);
    }
    // Submitted in an order unlike creation's; one is already decided, one never submitted.
    for (const name of ["Third", "First", "Fifth", "Second"])
      await onboarding.submit(ids.get(name) as string, "owner-1");
    await onboarding.verify(ids.get("Fifth") as string, "admin-1");

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const result = await h.run(QUEUE, { first: 2, after }, admin);
      expect(result.errors).toBeUndefined();
      const queue = result.data?.vendorReviewQueue as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { name: string; submittedForReviewAt: string } }[];
      };
      expect(queue.totalCount).toBe(3);
      seen.push(...queue.edges.map((e) => e.node.name));
      if (!queue.pageInfo.hasNextPage) break;
      after = queue.pageInfo.endCursor;
    }
    expect(seen).toEqual(["Third", "First", "Second"]);
  });

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a customer", customer, "FORBIDDEN"],
    ["a vendor account", owner, "FORBIDDEN"],
    ["a partner key", partner, "FORBIDDEN"],
    ["an admin", admin, "allowed"],
  ])("vendorReviewQueue by %s: %s", async (_who, viewer, expected) => {
    const result = await h.run(QUEUE, {}, viewer);
    expect(outcome(result)).toBe(expected);
  });

  it("refuses a malformed cursor and an oversized page", async () => {
    const bad = await h.run(QUEUE, { after: "garbage" }, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const big = await h.run(QUEUE, { first: 101 }, admin);
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});
