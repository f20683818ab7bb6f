import type { PersonalDataEraser, PersonalDataExporter } from "../users/personal-data.js";
import type { FavoriteRecord } from "./favorite.record.js";
import type { FavoritesStore } from "./favorites.store.js";

const BATCH = 100;

/** Favorites' share of GDPR: a person's favorites are removed, each uncounted from its vendor. */
export class FavoritesPersonalData implements PersonalDataEraser, PersonalDataExporter {
  readonly module = "favorites";

  constructor(private readonly favorites: FavoritesStore) {}

  async eraseUser(userId: string): Promise<void> {
    // Always the first page: what was removed is gone from it, so this ends when nothing is left.
    for (;;) {
      const { records } = await this.favorites.listByUser(userId, BATCH);
      if (records.length === 0) return;
      for (const favorite of records) await this.favorites.remove(userId, favorite.vendorId);
    }
  }

  async exportUser(userId: string): Promise<unknown> {
    const all: FavoriteRecord[] = [];
    let after: { createdAt: Date; vendorId: string } | undefined;
    for (;;) {
      const page = await this.favorites.listByUser(userId, BATCH, after);
      all.push(...page.records);
      const last = page.records.at(-1);
      if (!page.hasNextPage || !last) break;
      after = { createdAt: last.createdAt, vendorId: last.vendorId };
    }
    return { favorites: all.map((f) => ({ vendorId: f.vendorId, favoritedAt: f.createdAt })) };
  }
}
