import type {
  DeliveryAttempt,
  DeliveryRecord,
  NotificationListKey,
  NotificationRecord,
} from "./notification.record.js";
import type { NotificationTopic } from "./topics.js";

export interface NotificationPage {
  records: NotificationRecord[];
  hasNextPage: boolean;
}

export interface CreatedNotification {
  notification: NotificationRecord;
  /** False when a notification with the same person and dedupe key existed: that one is returned. */
  created: boolean;
}

/** Where notifications and their deliveries live. Each adapter must pass `notifications.store.contract.ts`. */
export interface NotificationsStore {
  /**
   * Stores the notification with its deliveries, all or nothing. A notification with the same
   * person and (non-null) dedupe key wins over this one, even when both are created at once.
   */
  create(
    notification: NotificationRecord,
    deliveries: readonly DeliveryRecord[],
  ): Promise<CreatedNotification>;
  findById(id: string): Promise<NotificationRecord | null>;
  /** A person's notifications, newest first; only unread ones when asked. */
  listByUser(
    userId: string,
    first: number,
    after?: NotificationListKey,
    unreadOnly?: boolean,
  ): Promise<NotificationPage>;
  countByUser(userId: string, unreadOnly?: boolean): Promise<number>;
  /** Marks it read (keeping the first time); null when the person has no such notification. */
  markRead(userId: string, id: string, at: Date): Promise<NotificationRecord | null>;
  /** Marks all the person's unread notifications read; returns how many. */
  markAllRead(userId: string, at: Date): Promise<number>;
  /** The deliveries of these notifications, in one round trip, oldest first. */
  deliveriesOf(notificationIds: readonly string[]): Promise<DeliveryRecord[]>;
  findDelivery(id: string): Promise<DeliveryRecord | null>;
  /** Writes an attempt's outcome; a delivery already SENT or FAILED is left alone (false). */
  recordAttempt(id: string, attempt: DeliveryAttempt): Promise<boolean>;
  /** Deliveries still QUEUED or SCHEDULED, by id, for re-queuing after a restart. */
  unfinishedDeliveries(first: number, afterId?: string): Promise<DeliveryRecord[]>;
  /** Removes the person's notifications and deliveries. */
  eraseUser(userId: string): Promise<void>;
  /**
   * Removes everyone's notifications of this topic about these subjects, with their deliveries: for
   * words taken back, such as the chat messages of a deleted account quoted to the other side.
   */
  eraseAbout(topic: NotificationTopic, subjectIds: readonly string[]): Promise<void>;
}
