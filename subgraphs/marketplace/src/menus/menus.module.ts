import type DataLoader from "dataloader";
import type { MarketplaceModule } from "../module.js";
import { menuLoader } from "./menu.loader.js";
import type { MenuRecord } from "./menu.record.js";
import { MenusResolver } from "./menus.resolver.js";
import { MenusService } from "./menus.service.js";
import type { MenusStore } from "./menus.store.js";
import { MongoMenusStore } from "./menus.store.mongo.js";
import { SqliteMenusStore } from "./menus.store.sqlite.js";
import { menusBaseline } from "./migrations/001-menus.sqlite.js";
import { VendorMenuResolver } from "./vendor.menu.resolver.js";

declare module "../module.js" {
  interface MarketplaceStores {
    menus: MenusStore;
  }
  interface MarketplaceServices {
    menusStore: MenusStore;
    menus: MenusService;
  }
  interface MarketplaceLoaders {
    menu: DataLoader<string, MenuRecord>;
  }
}

export const menusModule: MarketplaceModule = {
  name: "menus",
  migrations: { sqlite: [menusBaseline] },
  stores: {
    sqlite: ({ db, outbox }) => ({ menus: new SqliteMenusStore(db, outbox) }),
    mongo: ({ connection, outbox }) => ({ menus: new MongoMenusStore(connection, outbox) }),
  },
  services: (stores) => ({ menusStore: stores.menus, menus: new MenusService(stores.menus) }),
  loaders: (services) => ({ menu: menuLoader(services.menusStore) }),
  resolvers: [MenusResolver, VendorMenuResolver],
};
