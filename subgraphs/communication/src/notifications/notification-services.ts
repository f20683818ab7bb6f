import { type Logger } from "@venta/kit";
import { openSqliteDatabase } from "@venta/store";
import { VendorAlertsPersonalData } from "../alerts/vendor-alerts.personal-data.js";
import { VendorAlertsService } from "../alerts/vendor-alerts.service.js";
import type { VendorAlertsStore } from "../alerts/vendor-alerts.store.js";
import { type Channels, type ChannelsConfig, openChannels } from "../channels/channels.js";
import { ContactsPersonalData } from "../contacts/contacts.personal-data.js";
import { ContactsService } from "../contacts/contacts.service.js";
import type { ContactsStore } from "../contacts/contacts.store.js";
import type { PersonalDataEraser } from "../contacts/personal-data.js";
import { NotificationSettingsPersonalData } from "../preferences/notification-settings.personal-data.js";
import { NotificationSettingsService } from "../preferences/notification-settings.service.js";
import type { NotificationSettingsStore } from "../preferences/notification-settings.store.js";
import { DeliveryWorker } from "./delivery.worker.js";
import { BullmqDeliveryQueue } from "./delivery-queue.bullmq.js";
import type { DeliveryQueue, RetryPolicy } from "./delivery-queue.js";
import { SqliteDeliveryQueue } from "./delivery-queue.sqlite.js";
import { NotificationsPersonalData } from "./notifications.personal-data.js";
import { NotificationsService } from "./notifications.service.js";
import type { NotificationsStore } from "./notifications.store.js";

/** The stores notifications keep (part of CommunicationStores). */
export interface NotificationStores {
  contacts: ContactsStore;
  notificationSettings: NotificationSettingsStore;
  notifications: NotificationsStore;
  vendorAlerts: VendorAlertsStore;
}

/** The settings notifications read (see config.ts for each variable). */
export interface NotificationsConfig extends ChannelsConfig {
  DATA_DIR: string;
  REDIS_URL?: string | undefined;
  ALERT_NOTIFY_PERIOD_SECONDS: number;
  NOTIFY_MAX_ATTEMPTS: number;
  NOTIFY_RETRY_BASE_MS: number;
  NOTIFY_CONCURRENCY: number;
  NOTIFY_POLL_MS: number;
}

/** Notifications' part of CommunicationServices. */
export interface NotificationServices {
  contacts: ContactsService;
  notificationSettings: NotificationSettingsService;
  notifications: NotificationsService;
  vendorAlerts: VendorAlertsService;
  /** The sending machinery: started by the process (see start-notifications.ts), idle in resolver tests. */
  delivery: { queue: DeliveryQueue; worker: DeliveryWorker; channels: Channels };
}

/** BullMQ on Redis when `REDIS_URL` is set; otherwise a SQLite file of due jobs in `DATA_DIR`. */
export function openDeliveryQueue(config: NotificationsConfig, log: Logger): DeliveryQueue {
  const policy: RetryPolicy = {
    maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
    baseDelayMs: config.NOTIFY_RETRY_BASE_MS,
    concurrency: config.NOTIFY_CONCURRENCY,
  };
  if (config.REDIS_URL) return new BullmqDeliveryQueue(config.REDIS_URL, policy, log);
  return new SqliteDeliveryQueue(
    openSqliteDatabase(config.DATA_DIR, "notification-jobs"),
    policy,
    log,
    config.NOTIFY_POLL_MS,
  );
}

/**
 * `otherErasers`: the personal data erasers of communication's other modules (chat, support): a
 * deleted account's data goes from all of them. The contact details go first, because their
 * erasure records the person as erased: every write after it is refused (see live-account.ts), and
 * the erasers after it remove what was written before. A failed erasure is retried whole.
 */
export function notificationServices(
  stores: NotificationStores,
  config: NotificationsConfig,
  log: Logger,
  now: () => Date = () => new Date(),
  otherErasers: readonly PersonalDataEraser[] = [],
): NotificationServices {
  const queue = openDeliveryQueue(config, log);
  const channels = openChannels(config, log);
  const notificationSettings = new NotificationSettingsService(
    stores.notificationSettings,
    stores.contacts,
    now,
  );
  const notifications = new NotificationsService(
    stores.notifications,
    stores.contacts,
    notificationSettings,
    queue,
    log,
    now,
  );
  const contacts = new ContactsService(
    stores.contacts,
    [
      new ContactsPersonalData(stores.contacts, now),
      ...otherErasers,
      new VendorAlertsPersonalData(stores.vendorAlerts),
      new NotificationsPersonalData(stores.notifications),
      new NotificationSettingsPersonalData(stores.notificationSettings),
    ],
    now,
  );
  const vendorAlerts = new VendorAlertsService(
    stores.vendorAlerts,
    stores.contacts,
    notifications,
    config.ALERT_NOTIFY_PERIOD_SECONDS,
    log,
    now,
  );
  const worker = new DeliveryWorker(queue, stores.notifications, stores.contacts, channels, log, now);
  return {
    contacts,
    notificationSettings,
    notifications,
    vendorAlerts,
    delivery: { queue, worker, channels },
  };
}
