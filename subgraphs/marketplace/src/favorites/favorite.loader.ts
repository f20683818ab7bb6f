import type { Viewer } from "@venta/auth";
import DataLoader from "dataloader";
import type { MarketplaceServices } from "../module.js";

export interface FavoriteLoaders {
  /** Whether the caller has each vendor among their favorites; always false for anonymous callers. */
  isFavorite: DataLoader<string, boolean>;
  /** How many people have each vendor among their favorites. */
  favoritesCount: DataLoader<string, number>;
}

/** The favorite loaders of one request: every vendor of a response in one store query each. */
export function favoriteLoaders(services: MarketplaceServices, viewer: Viewer): FavoriteLoaders {
  const userId = viewer.userId;
  return {
    isFavorite: new DataLoader<string, boolean>(
      async (vendorIds) => {
        if (userId === null) return vendorIds.map(() => false);
        const favorites = new Set(await services.favoritesStore.favoritedAmong(userId, vendorIds));
        return vendorIds.map((id) => favorites.has(id));
      },
      { maxBatchSize: 500 },
    ),
    favoritesCount: new DataLoader<string, number>(
      async (vendorIds) => {
        const counts = new Map(
          (await services.favoritesStore.countsOf(vendorIds)).map((c) => [c.vendorId, c.count]),
        );
        return vendorIds.map((id) => counts.get(id) ?? 0);
      },
      { maxBatchSize: 500 },
    ),
  };
}
