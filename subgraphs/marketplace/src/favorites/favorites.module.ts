import type { MarketplaceModule } from "../module.js";
import { type FavoriteLoaders, favoriteLoaders } from "./favorite.loader.js";
import { favoritesMigrations } from "./favorites.migrations.js";
import { FavoritesPersonalData } from "./favorites.personal-data.js";
import { FavoritesResolver } from "./favorites.resolver.js";
import { FavoritesService } from "./favorites.service.js";
import type { FavoritesStore } from "./favorites.store.js";
import { MongoFavoritesStore } from "./favorites.store.mongo.js";
import { SqliteFavoritesStore } from "./favorites.store.sqlite.js";
import { UserFavoritesResolver } from "./user.favorites.resolver.js";
import { VendorFavoritesResolver } from "./vendor.favorites.resolver.js";

declare module "../module.js" {
  interface MarketplaceStores {
    favorites: FavoritesStore;
  }
  interface MarketplaceServices {
    favoritesStore: FavoritesStore;
    favorites: FavoritesService;
  }
  interface MarketplaceLoaders extends FavoriteLoaders {}
}

export const favoritesModule: MarketplaceModule = {
  name: "favorites",
  migrations: favoritesMigrations,
  stores: {
    sqlite: ({ db, outbox }) => ({ favorites: new SqliteFavoritesStore(db, outbox) }),
    mongo: ({ connection, outbox }) => ({ favorites: new MongoFavoritesStore(connection, outbox) }),
  },
  services: (stores) => ({
    favoritesStore: stores.favorites,
    favorites: new FavoritesService(stores.favorites, stores.vendors, stores.users),
  }),
  loaders: favoriteLoaders,
  resolvers: [FavoritesResolver, VendorFavoritesResolver, UserFavoritesResolver],
  personalData: (stores) => {
    const favorites = new FavoritesPersonalData(stores.favorites);
    return { eraser: favorites, exporter: favorites };
  },
};
