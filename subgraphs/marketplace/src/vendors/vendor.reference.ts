import type { MarketplaceContext } from "../context.js";
import type { VendorRecord } from "./vendor.record.js";

/**
 * Resolves `Vendor` representations sent by the router (for example the vendors `nearbyVendors`
 * found). Every reference in one request goes through the same loader: one store query for all.
 */
export function resolveVendorReference(
  reference: { id: string },
  context: MarketplaceContext,
): Promise<VendorRecord | null> {
  return context.loaders.vendor.load(reference.id);
}
