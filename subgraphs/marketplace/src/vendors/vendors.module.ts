import { keyedLoader } from "@venta/kit";
import type DataLoader from "dataloader";
import type { MarketplaceModule } from "../module.js";
import { vendorsBaseline } from "./migrations/001-vendors.sqlite.js";
import { vendorsVerifiedBackfill } from "./migrations/001-vendors-verified.mongo.js";
import type { VendorRecord } from "./vendor.record.js";
import { resolveVendorReference } from "./vendor.reference.js";
import { VendorsResolver } from "./vendors.resolver.js";
import { VendorsService } from "./vendors.service.js";
import type { VendorsStore } from "./vendors.store.js";
import { MongoVendorsStore } from "./vendors.store.mongo.js";
import { SqliteVendorsStore } from "./vendors.store.sqlite.js";

declare module "../module.js" {
  interface MarketplaceStores {
    vendors: VendorsStore;
  }
  interface MarketplaceServices {
    vendorsStore: VendorsStore;
    vendors: VendorsService;
  }
  interface MarketplaceLoaders {
    vendor: DataLoader<string, VendorRecord | null>;
  }
}

export const vendorsModule: MarketplaceModule = {
  name: "vendors",
  migrations: { sqlite: [vendorsBaseline], mongo: [vendorsVerifiedBackfill] },
  stores: {
    sqlite: ({ db, outbox }) => ({ vendors: new SqliteVendorsStore(db, outbox) }),
    mongo: ({ connection, outbox }) => ({ vendors: new MongoVendorsStore(connection, outbox) }),
  },
  services: (stores) => ({
    vendorsStore: stores.vendors,
    vendors: new VendorsService(stores.vendors, stores.users),
  }),
  loaders: (services) => ({
    vendor: keyedLoader(
      (ids: readonly string[]) => services.vendorsStore.findByIds(ids),
      (v) => v.id,
    ),
  }),
  resolvers: [VendorsResolver],
  references: { Vendor: { __resolveReference: resolveVendorReference } },
};
