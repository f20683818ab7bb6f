import { partnerViewer, personViewer } from "@venta/auth";
import type { marketplaceHarness } from "../marketplace.harness.js";

export type Harness = Awaited<ReturnType<typeof marketplaceHarness>>;

export const outcome = (result: {
  data?: unknown;
  errors?: readonly { extensions?: { code?: unknown } }[];
}) => result.errors?.[0]?.extensions?.code ?? "allowed";

/** The people of the review tests; all but `stranger` and the partner have an account. */
export const people = {
  owner: personViewer("owner-1", ["VENDOR", "CUSTOMER"]),
  otherOwner: personViewer("owner-2", ["VENDOR"]),
  alice: personViewer("alice", ["CUSTOMER"]),
  bob: personViewer("bob", ["CUSTOMER"]),
  carol: personViewer("carol", ["CUSTOMER"]),
  admin: personViewer("admin-1", ["ADMIN"]),
  /** Signed in, but never created an account. */
  stranger: personViewer("stranger", ["CUSTOMER"]),
  partner: partnerViewer({ keyId: "key-1", name: "Eat Map", scopes: ["READ"] }),
};

/** Registers the accounts and creates a verified vendor owned by `owner-1`, and one by `owner-2`. */
export async function seedPeopleAndVendors(h: Harness): Promise<{ vendorId: string; otherVendorId: string }> {
  for (const id of ["owner-1", "owner-2", "alice", "bob", "carol", "admin-1"])
    await h.services.users.register(`User ${id}`, { id });
  const vendorId = (
    await h.services.vendors.create(
      { name: "Taco Cart", cuisines: ["tacos"], ownerId: "owner-1" },
      { verified: true },
    )
  ).id;
  const otherVendorId = (
    await h.services.vendors.create(
      { name: "Coffee Cart", cuisines: ["coffee"], ownerId: "owner-2" },
      { verified: true },
    )
  ).id;
  return { vendorId, otherVendorId };
}

export const SUBMIT = `mutation ($input: SubmitReviewInput!) {
  submitReview(input: $input) { id rating text status flags helpfulCount author { id } vendor { id } }
}`;

export const RATING = `query ($id: ID!) {
  vendor(id: $id) { rating { average count distribution { stars count } } }
}`;

/** Collects the events of these types that the harness's bus carries. */
export function recordEvents(h: Harness, types: Parameters<Harness["bus"]["consume"]>[1]) {
  const seen: { type: string; payload: Record<string, unknown> }[] = [];
  h.bus.consume(`test-${Math.random()}`, types, (event) => {
    seen.push({ type: event.type, payload: event.payload as Record<string, unknown> });
  });
  return seen;
}
