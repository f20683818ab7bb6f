import type { PersonalDataEraser } from "../users/personal-data.js";
import type { SearchIndex } from "./search.store.js";

/**
 * The search index's share of GDPR: trending keeps each recent favorite under a key naming its
 * customer, so a repeat counts once. On erasure those favorites keep counting, under random keys,
 * rather than stop: a replay rebuilds the index from the event store, where the person's favorites
 * stay as anonymous events, so only this choice gives the same ranking live and after a rebuild, and
 * it takes nothing from vendors for what customers really did. A random key, not a hash of the id,
 * since anyone holding a former id could recompute the hash. The favorites age out of the trending
 * window like any other.
 */
export class SearchPersonalData implements PersonalDataEraser {
  readonly module = "search";

  constructor(private readonly index: SearchIndex) {}

  async eraseUser(userId: string): Promise<void> {
    await this.index.anonymizeActivityOf(userId);
  }
}
