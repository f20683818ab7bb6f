import { requireService } from "@venta/kit";
import type { Channels } from "../channels/channels.js";
import type { CommunicationModule } from "../module.js";
import { DeliveryWorker } from "./delivery.worker.js";
import type { DeliveryQueue } from "./delivery-queue.js";
import { notificationsBaseline } from "./migrations/001-baseline.sqlite.js";
import { NotificationDeliveriesResolver } from "./notification.deliveries.resolver.js";
import { type NotificationLoaders, notificationLoaders } from "./notification.loader.js";
import { NotificationsPersonalData } from "./notifications.personal-data.js";
import { NotificationsResolver } from "./notifications.resolver.js";
import { NotificationsService } from "./notifications.service.js";
import type { NotificationsStore } from "./notifications.store.js";
import { MongoNotificationsStore } from "./notifications.store.mongo.js";
import { SqliteNotificationsStore } from "./notifications.store.sqlite.js";
import { openDeliveryQueue } from "./open-delivery-queue.js";
import { startNotifications } from "./start-notifications.js";
import { UserDataExportNotificationsResolver } from "./user-data-export.notifications.resolver.js";

declare module "../module.js" {
  interface CommunicationStores {
    notifications: NotificationsStore;
  }
  interface CommunicationServices {
    notifications: NotificationsService;
    /** The sending machinery: started by the process (see start-notifications.ts), idle in resolver tests. */
    delivery: { queue: DeliveryQueue; worker: DeliveryWorker; channels: Channels };
  }
  interface CommunicationLoaders {
    notificationLoaders: NotificationLoaders;
  }
}

/** Notifications in the app and their deliveries by email, SMS and push. */
export const notificationsModule: CommunicationModule = {
  name: "notifications",
  migrations: { sqlite: [notificationsBaseline] },
  stores: {
    sqlite: ({ db }) => ({ notifications: new SqliteNotificationsStore(db) }),
    mongo: ({ connection }) => ({ notifications: new MongoNotificationsStore(connection) }),
  },
  services: (stores, { config, log, now }, earlier) => {
    const channels = requireService(earlier, "channels", "notifications");
    const settings = requireService(earlier, "notificationSettings", "notifications");
    const queue = openDeliveryQueue(config, log);
    const notifications = new NotificationsService(
      stores.notifications,
      stores.contacts,
      settings,
      queue,
      log,
      now,
    );
    const worker = new DeliveryWorker(queue, stores.notifications, stores.contacts, channels, log, now);
    return { notifications, delivery: { queue, worker, channels } };
  },
  loaders: (services) => ({ notificationLoaders: notificationLoaders(services.notifications) }),
  resolvers: [NotificationsResolver, NotificationDeliveriesResolver, UserDataExportNotificationsResolver],
  start: (services, { bus, log }) => {
    // The worker starts and unfinished deliveries are queued again while the server comes up.
    const running = startNotifications(services, bus, log);
    return [async () => (await running).stop()];
  },
  personalData: (stores) => ({ eraser: new NotificationsPersonalData(stores.notifications) }),
};
