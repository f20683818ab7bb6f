import type { MarketplaceModule } from "../module.js";
import { type SearchLoaders, searchLoaders } from "./search.loader.js";
import { searchMigrations } from "./search.migrations.js";
import { SearchPersonalData } from "./search.personal-data.js";
import { followSearchEvents } from "./search.projection.js";
import { SearchResolver } from "./search.resolver.js";
import { LIVE_WINDOW_SECONDS, SearchService } from "./search.service.js";
import type { SearchIndex } from "./search.store.js";
import { MongoSearchIndex } from "./search.store.mongo.js";
import { SqliteSearchIndex } from "./search.store.sqlite.js";
import { TrendingResolver } from "./trending.resolver.js";

declare module "../module.js" {
  interface MarketplaceStores {
    searchIndex: SearchIndex;
  }
  interface MarketplaceServices {
    searchIndex: SearchIndex;
    search: SearchService;
  }
  interface MarketplaceLoaders extends SearchLoaders {}
}

export const searchModule: MarketplaceModule = {
  name: "search",
  migrations: searchMigrations,
  stores: {
    sqlite: ({ db }) => ({ searchIndex: new SqliteSearchIndex(db) }),
    mongo: ({ connection }) => ({ searchIndex: new MongoSearchIndex(connection) }),
  },
  services: (stores) => ({
    searchIndex: stores.searchIndex,
    search: new SearchService(stores.searchIndex, { liveWindowSeconds: LIVE_WINDOW_SECONDS }),
  }),
  loaders: searchLoaders,
  resolvers: [SearchResolver, TrendingResolver],
  // The index is a projection of the bus's events: it follows them while the server runs.
  start: (_services, { bus, stores, log }) => {
    const indexing = followSearchEvents(bus, stores.searchIndex, log);
    return [() => indexing.stop()];
  },
  // Only erased: the index keys recent favorites by customer, and the favorites module exports those.
  personalData: (stores) => ({ eraser: new SearchPersonalData(stores.searchIndex) }),
};
