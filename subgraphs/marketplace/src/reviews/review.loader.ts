import type { Viewer } from "@venta/auth";
import { keyedLoader } from "@venta/kit";
import DataLoader from "dataloader";
import type { MarketplaceServices } from "../module.js";
import type { VendorRatingRecord } from "./review.record.js";

export interface ReviewLoaders {
  /** Each vendor's stored rating; null for a vendor never reviewed. */
  vendorRating: DataLoader<string, VendorRatingRecord | null>;
  /** Whether the caller marked each review helpful; always false for anonymous callers. */
  reviewMarkedHelpful: DataLoader<string, boolean>;
}

/** The review loaders of one request: every vendor or review of a response in one store query. */
export function reviewLoaders(services: MarketplaceServices, viewer: Viewer): ReviewLoaders {
  const userId = viewer.userId;
  return {
    vendorRating: keyedLoader(
      (ids: readonly string[]) => services.reviewsStore.ratingsOf(ids),
      (rating) => rating.vendorId,
    ),
    reviewMarkedHelpful: new DataLoader<string, boolean>(
      async (ids) => {
        if (userId === null) return ids.map(() => false);
        const marked = new Set(await services.reviewsStore.helpfulAmong(userId, ids));
        return ids.map((id) => marked.has(id));
      },
      { maxBatchSize: 500 },
    ),
  };
}
