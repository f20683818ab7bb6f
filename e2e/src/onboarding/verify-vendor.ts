import type { GeoPoint } from "@venta/geo";
import { postGraphQL, type Stack } from "@venta/testing";

const SUBMIT = `mutation ($id: ID!) { submitVendorForReview(vendorId: $id) { verification } }`;
const VERIFY = `mutation ($id: ID!) { verifyVendor(vendorId: $id) { verification } }`;
const NEARBY = `query ($near: GeoPointInput!, $radius: Float) {
  nearbyVendors(near: $near, radiusMeters: $radius, first: 100) { edges { node { id } } }
}`;

/**
 * Takes a vendor through review as an admin would: submitted, then verified. Customers see only
 * verified vendors, so tests that expect a new vendor to be listed verify it first. `headers` adds
 * to the admin's (an `X-Api-Key` where the router runs trusted documents only).
 */
export async function verifyVendor(
  stack: Stack,
  vendorId: string,
  headers: Record<string, string> = {},
): Promise<void> {
  const admin = { authorization: `Bearer ${await stack.token("admin-1", ["ADMIN"])}`, ...headers };
  for (const step of [SUBMIT, VERIFY]) {
    const result = await postGraphQL(`${stack.urls.router}/graphql`, step, { id: vendorId }, admin);
    if (result.errors)
      throw new Error(`could not verify vendor ${vendorId}: ${JSON.stringify(result.errors)}`);
  }
}

/**
 * Waits until every one of `vendorIds` is listed near `near` (location learns of a verification
 * from marketplace's events a moment later); queries go with `headers`.
 */
export async function untilListed(
  stack: Stack,
  near: GeoPoint,
  radiusMeters: number,
  vendorIds: readonly string[],
  headers: Record<string, string> = {},
): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const result = await postGraphQL<{ nearbyVendors: { edges: { node: { id: string } }[] } }>(
      `${stack.urls.router}/graphql`,
      NEARBY,
      { near, radius: radiusMeters },
      headers,
    );
    const listed = new Set(result.data?.nearbyVendors.edges.map((edge) => edge.node.id));
    if (vendorIds.every((id) => listed.has(id))) return;
    if (Date.now() > deadline)
      throw new Error(`vendors never listed: ${vendorIds.filter((id) => !listed.has(id)).join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
