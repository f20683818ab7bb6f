import DataLoader from "dataloader";
import type { DeliveryRecord } from "./notification.record.js";
import type { NotificationsService } from "./notifications.service.js";

/** Per request: a page of notifications reads all its deliveries in one query. */
export interface NotificationLoaders {
  deliveries: DataLoader<string, DeliveryRecord[]>;
}

export function notificationLoaders(notifications: NotificationsService): NotificationLoaders {
  return {
    deliveries: new DataLoader<string, DeliveryRecord[]>(async (ids) => {
      const byNotification = new Map<string, DeliveryRecord[]>();
      for (const delivery of await notifications.deliveriesOf(ids)) {
        const list = byNotification.get(delivery.notificationId) ?? [];
        list.push(delivery);
        byNotification.set(delivery.notificationId, list);
      }
      return ids.map((id) => byNotification.get(id) ?? []);
    }),
  };
}
