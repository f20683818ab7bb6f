import type { CommunicationModule } from "../module.js";
import { preferencesBaseline } from "./migrations/001-baseline.sqlite.js";
import { NotificationSettingsPersonalData } from "./notification-settings.personal-data.js";
import { NotificationSettingsResolver } from "./notification-settings.resolver.js";
import { NotificationSettingsService } from "./notification-settings.service.js";
import type { NotificationSettingsStore } from "./notification-settings.store.js";
import { MongoNotificationSettingsStore } from "./notification-settings.store.mongo.js";
import { SqliteNotificationSettingsStore } from "./notification-settings.store.sqlite.js";
import { UserDataExportPreferencesResolver } from "./user-data-export.preferences.resolver.js";

declare module "../module.js" {
  interface CommunicationStores {
    notificationSettings: NotificationSettingsStore;
  }
  interface CommunicationServices {
    notificationSettings: NotificationSettingsService;
  }
}

/** Each person's notification settings: topics, quiet hours, locale. */
export const preferencesModule: CommunicationModule = {
  name: "preferences",
  migrations: { sqlite: [preferencesBaseline] },
  stores: {
    sqlite: ({ db }) => ({ notificationSettings: new SqliteNotificationSettingsStore(db) }),
    mongo: ({ connection }) => ({ notificationSettings: new MongoNotificationSettingsStore(connection) }),
  },
  services: (stores, { now }) => ({
    notificationSettings: new NotificationSettingsService(stores.notificationSettings, stores.contacts, now),
  }),
  resolvers: [NotificationSettingsResolver, UserDataExportPreferencesResolver],
  personalData: (stores) => ({ eraser: new NotificationSettingsPersonalData(stores.notificationSettings) }),
};
