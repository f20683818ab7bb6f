import { requireService } from "@venta/kit";
import type { MarketplaceModule, MarketplaceServices } from "../module.js";
import type { CheckInsStore } from "./check-ins.store.js";
import { MongoCheckInsStore } from "./check-ins.store.mongo.js";
import { SqliteCheckInsStore } from "./check-ins.store.sqlite.js";
import { earnLoyaltyPoints, followVendorPositions } from "./loyalty.consumer.js";
import {
  LoyaltyBalanceFieldsResolver,
  LoyaltyProgramFieldsResolver,
  PointsLedgerEntryFieldsResolver,
} from "./loyalty.fields.resolver.js";
import { type LoyaltyLoaders, loyaltyLoaders } from "./loyalty.loader.js";
import { loyaltyMigrations } from "./loyalty.migrations.js";
import { LoyaltyPersonalData } from "./loyalty.personal-data.js";
import { LoyaltyResolver } from "./loyalty.resolver.js";
import { LoyaltyService } from "./loyalty.service.js";
import type { LoyaltyProgramsStore } from "./loyalty-programs.store.js";
import { MongoLoyaltyProgramsStore } from "./loyalty-programs.store.mongo.js";
import { SqliteLoyaltyProgramsStore } from "./loyalty-programs.store.sqlite.js";
import type { PointsStore } from "./points.store.js";
import { MongoPointsStore } from "./points.store.mongo.js";
import { SqlitePointsStore } from "./points.store.sqlite.js";
import { UserLoyaltyResolver } from "./user.loyalty.resolver.js";
import { VendorLoyaltyResolver } from "./vendor.loyalty.resolver.js";
import type { VendorPositionsStore } from "./vendor-positions.store.js";
import { MongoVendorPositionsStore } from "./vendor-positions.store.mongo.js";
import { SqliteVendorPositionsStore } from "./vendor-positions.store.sqlite.js";

declare module "../module.js" {
  interface MarketplaceStores {
    loyaltyPrograms: LoyaltyProgramsStore;
    points: PointsStore;
    vendorPositions: VendorPositionsStore;
    checkIns: CheckInsStore;
  }
  interface MarketplaceServices {
    loyaltyPrograms: LoyaltyProgramsStore;
    points: PointsStore;
    loyalty: LoyaltyService;
  }
  interface MarketplaceLoaders extends LoyaltyLoaders {}
}

export const loyaltyModule: MarketplaceModule = {
  name: "loyalty",
  migrations: loyaltyMigrations,
  stores: {
    sqlite: ({ db, outbox }) => ({
      loyaltyPrograms: new SqliteLoyaltyProgramsStore(db),
      points: new SqlitePointsStore(db, outbox),
      vendorPositions: new SqliteVendorPositionsStore(db),
      checkIns: new SqliteCheckInsStore(db),
    }),
    mongo: ({ connection, outbox }) => ({
      loyaltyPrograms: new MongoLoyaltyProgramsStore(connection),
      points: new MongoPointsStore(connection, outbox),
      vendorPositions: new MongoVendorPositionsStore(connection),
      checkIns: new MongoCheckInsStore(connection),
    }),
  },
  services: (stores, { checkInRules }, earlier) => ({
    loyaltyPrograms: stores.loyaltyPrograms,
    points: stores.points,
    loyalty: new LoyaltyService({
      programs: stores.loyaltyPrograms,
      points: stores.points,
      positions: stores.vendorPositions,
      checkIns: stores.checkIns,
      checkInRules,
      vendors: stores.vendors,
      accounts: requireService<MarketplaceServices, "users">(earlier, "users", "loyalty"),
    }),
  }),
  loaders: (services) => loyaltyLoaders(services.loyaltyPrograms),
  resolvers: [
    LoyaltyResolver,
    LoyaltyProgramFieldsResolver,
    LoyaltyBalanceFieldsResolver,
    PointsLedgerEntryFieldsResolver,
    VendorLoyaltyResolver,
    UserLoyaltyResolver,
  ],
  // Check-ins measure against this projection of vendor positions; reviews and purchases earn points.
  start: (services, { bus, stores, log }) => {
    const positions = followVendorPositions(bus, stores.vendorPositions, log);
    const earning = earnLoyaltyPoints(bus, services.loyalty, log);
    return [() => positions.stop(), () => earning.stop()];
  },
  personalData: (stores) => {
    const loyalty = new LoyaltyPersonalData(stores.points, stores.checkIns);
    return { eraser: loyalty, exporter: loyalty };
  },
};
