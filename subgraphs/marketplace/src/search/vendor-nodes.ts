import type { MarketplaceContext } from "../context.js";
import type { VendorRecord } from "../vendors/vendor.record.js";

/**
 * The vendors of a page, by id, through the request's vendor loader: one store read for the page.
 * An indexed vendor the store does not have (a moment's lag, never expected) is left out.
 */
export async function vendorNodes(
  ctx: MarketplaceContext,
  vendorIds: readonly string[],
): Promise<Map<string, VendorRecord>> {
  const nodes = new Map<string, VendorRecord>();
  const loaded = await ctx.loaders.vendor.loadMany(vendorIds);
  for (const vendor of loaded) {
    if (vendor instanceof Error) throw vendor;
    if (vendor) nodes.set(vendor.id, vendor);
  }
  const missing = vendorIds.filter((id) => !nodes.has(id));
  if (missing.length > 0) ctx.log.warn({ missing }, "indexed vendors not in the vendors store");
  return nodes;
}
