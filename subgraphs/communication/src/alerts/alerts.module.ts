import { requireService } from "@venta/kit";
import type { CommunicationModule } from "../module.js";
import { alertsBaseline } from "./migrations/001-baseline.sqlite.js";
import { VendorAlertsPersonalData } from "./vendor-alerts.personal-data.js";
import { VendorAlertsService } from "./vendor-alerts.service.js";
import type { VendorAlertsStore } from "./vendor-alerts.store.js";
import { MongoVendorAlertsStore } from "./vendor-alerts.store.mongo.js";
import { SqliteVendorAlertsStore } from "./vendor-alerts.store.sqlite.js";

declare module "../module.js" {
  interface CommunicationStores {
    vendorAlerts: VendorAlertsStore;
  }
  interface CommunicationServices {
    vendorAlerts: VendorAlertsService;
  }
}

/**
 * Tells people when a vendor they favorited opens nearby. Its bus consumer is started with
 * notifications' background work (see start-notifications.ts).
 */
export const alertsModule: CommunicationModule = {
  name: "alerts",
  migrations: { sqlite: [alertsBaseline] },
  stores: {
    sqlite: ({ db }) => ({ vendorAlerts: new SqliteVendorAlertsStore(db) }),
    mongo: ({ connection }) => ({ vendorAlerts: new MongoVendorAlertsStore(connection) }),
  },
  services: (stores, { config, log, now }, earlier) => ({
    vendorAlerts: new VendorAlertsService(
      stores.vendorAlerts,
      stores.contacts,
      requireService(earlier, "notifications", "alerts"),
      config.ALERT_NOTIFY_PERIOD_SECONDS,
      log,
      now,
    ),
  }),
  personalData: (stores) => ({ eraser: new VendorAlertsPersonalData(stores.vendorAlerts) }),
};
