import type DataLoader from "dataloader";
import type { MarketplaceModule } from "../module.js";
import { startHorizonRefresher } from "./horizon-refresher.js";
import { schedulesBaseline } from "./migrations/001-vendor-schedules.sqlite.js";
import { scheduleLoader } from "./schedule.loader.js";
import type { ScheduleRecord } from "./schedule.record.js";
import { SchedulesResolver } from "./schedules.resolver.js";
import { SchedulesService } from "./schedules.service.js";
import type { SchedulesStore } from "./schedules.store.js";
import { MongoSchedulesStore } from "./schedules.store.mongo.js";
import { SqliteSchedulesStore } from "./schedules.store.sqlite.js";
import { VendorScheduleResolver } from "./vendor.schedule.resolver.js";

declare module "../module.js" {
  interface MarketplaceStores {
    schedules: SchedulesStore;
  }
  interface MarketplaceServices {
    schedulesStore: SchedulesStore;
    schedules: SchedulesService;
  }
  interface MarketplaceLoaders {
    schedule: DataLoader<string, ScheduleRecord | null>;
  }
}

export const schedulesModule: MarketplaceModule = {
  name: "schedules",
  migrations: { sqlite: [schedulesBaseline] },
  stores: {
    sqlite: ({ db, outbox }) => ({ schedules: new SqliteSchedulesStore(db, outbox) }),
    mongo: ({ connection, outbox }) => ({ schedules: new MongoSchedulesStore(connection, outbox) }),
  },
  services: (stores) => ({
    schedulesStore: stores.schedules,
    schedules: new SchedulesService(stores.schedules),
  }),
  loaders: (services) => ({ schedule: scheduleLoader(services.schedulesStore) }),
  resolvers: [SchedulesResolver, VendorScheduleResolver],
  // Location and search filter on published open intervals: keep their horizon ahead of the clock.
  start: (services, { config, log }) => {
    const refresher = startHorizonRefresher({
      schedules: services.schedules,
      intervalMs: config.SCHEDULE_REFRESH_MS,
      log,
    });
    return [() => refresher.stop()];
  },
};
