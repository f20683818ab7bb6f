import { keyedLoader } from "@venta/kit";
import type { MarketplaceServices } from "../module.js";

/** Per request: the indexed text of the vendors on a search page, read once for the whole page. */
export function searchLoaders(services: Pick<MarketplaceServices, "search">) {
  return {
    searchDocument: keyedLoader(
      (ids: readonly string[]) => services.search.documents(ids),
      (document) => document.vendorId,
    ),
  };
}

export type SearchLoaders = ReturnType<typeof searchLoaders>;
