import type { Announce } from "@venta/events";
import type { FavoriteCountRecord, FavoriteListKey, FavoriteRecord } from "./favorite.record.js";

export interface FavoritePage {
  records: FavoriteRecord[];
  hasNextPage: boolean;
}

/** Where favorites and each vendor's favorites count live. Each adapter must pass `favorites.store.contract.ts`. */
export interface FavoritesStore {
  /**
   * Adds the favorite and counts it for the vendor, atomically; false, changing nothing, when the
   * person already has it. What `announce` makes of the outcome goes to the outbox in the same write.
   */
  add(favorite: FavoriteRecord, announce?: Announce<boolean>): Promise<boolean>;
  /**
   * Removes the favorite and uncounts it, atomically; false, changing nothing, when there was none.
   * What `announce` makes of the outcome goes to the outbox in the same write.
   */
  remove(userId: string, vendorId: string, announce?: Announce<boolean>): Promise<boolean>;
  /** A person's favorites, most recently favorited first. */
  listByUser(userId: string, first: number, after?: FavoriteListKey): Promise<FavoritePage>;
  countByUser(userId: string): Promise<number>;
  /** Which of these vendors the person has favorited, in one round trip. */
  favoritedAmong(userId: string, vendorIds: readonly string[]): Promise<string[]>;
  /** The counters of these vendors in one round trip; a vendor never favorited may be absent. */
  countsOf(vendorIds: readonly string[]): Promise<FavoriteCountRecord[]>;
}
