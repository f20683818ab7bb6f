import type { MarketplaceContext } from "../context.js";
import { seen } from "./vendor.access.js";
import type { VendorRecord } from "./vendor.record.js";

/**
 * Resolves `Vendor` representations sent by the router (for example the vendors `nearbyVendors`
 * found). Every reference in one request goes through the same loader: one store query for all.
 * A vendor the caller may not see (not yet verified) resolves to null, as an unknown one does.
 */
export async function resolveVendorReference(
  reference: { id: string },
  context: MarketplaceContext,
): Promise<VendorRecord | null> {
  return seen(context.viewer, await context.loaders.vendor.load(reference.id));
}
