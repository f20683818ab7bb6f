import type { MarketplaceModule } from "../module.js";
import { partnerKeysBaseline } from "./migrations/001-partner-keys.sqlite.js";
import { PartnerKeysResolver } from "./partner-keys.resolver.js";
import { PartnerKeysService } from "./partner-keys.service.js";
import type { PartnerKeysStore } from "./partner-keys.store.js";
import { MongoPartnerKeysStore } from "./partner-keys.store.mongo.js";
import { SqlitePartnerKeysStore } from "./partner-keys.store.sqlite.js";

declare module "../module.js" {
  interface MarketplaceStores {
    partnerKeys: PartnerKeysStore;
  }
  interface MarketplaceServices {
    partnerKeysStore: PartnerKeysStore;
    partnerKeys: PartnerKeysService;
  }
}

export const partnersModule: MarketplaceModule = {
  name: "partners",
  migrations: { sqlite: [partnerKeysBaseline] },
  stores: {
    sqlite: ({ db, outbox }) => ({ partnerKeys: new SqlitePartnerKeysStore(db, outbox) }),
    mongo: ({ connection, outbox }) => ({ partnerKeys: new MongoPartnerKeysStore(connection, outbox) }),
  },
  services: (stores) => ({
    partnerKeysStore: stores.partnerKeys,
    partnerKeys: new PartnerKeysService(stores.partnerKeys),
  }),
  resolvers: [PartnerKeysResolver],
};
