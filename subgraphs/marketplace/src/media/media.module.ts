import type DataLoader from "dataloader";
import type { MarketplaceModule } from "../module.js";
import type { DocumentLinks } from "./document-links.js";
import { vendorMediaBaseline } from "./migrations/001-vendor-media.sqlite.js";
import { VendorMediaFieldsResolver } from "./vendor.media.resolver.js";
import { vendorMediaLoader } from "./vendor-media.loader.js";
import type { VendorMediaRecord } from "./vendor-media.record.js";
import { VendorMediaResolver } from "./vendor-media.resolver.js";
import { VendorMediaService } from "./vendor-media.service.js";
import type { VendorMediaStore } from "./vendor-media.store.js";
import { MongoVendorMediaStore } from "./vendor-media.store.mongo.js";
import { SqliteVendorMediaStore } from "./vendor-media.store.sqlite.js";

declare module "../module.js" {
  interface MarketplaceStores {
    vendorMedia: VendorMediaStore;
  }
  interface MarketplaceServices {
    vendorMediaStore: VendorMediaStore;
    vendorMedia: VendorMediaService;
    /** Mints the expiring links business documents are read through. */
    documentLinks: DocumentLinks;
  }
  interface MarketplaceLoaders {
    vendorMedia: DataLoader<string, VendorMediaRecord[]>;
  }
}

export const mediaModule: MarketplaceModule = {
  name: "media",
  migrations: { sqlite: [vendorMediaBaseline] },
  stores: {
    sqlite: ({ db }) => ({ vendorMedia: new SqliteVendorMediaStore(db) }),
    mongo: ({ connection }) => ({ vendorMedia: new MongoVendorMediaStore(connection) }),
  },
  services: (stores, { files, log, documentLinks }) => ({
    vendorMediaStore: stores.vendorMedia,
    vendorMedia: new VendorMediaService(stores.vendorMedia, files, log),
    documentLinks,
  }),
  loaders: (services) => ({ vendorMedia: vendorMediaLoader(services.vendorMediaStore) }),
  resolvers: [VendorMediaResolver, VendorMediaFieldsResolver],
};
