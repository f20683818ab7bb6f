import { pageLimit, pageOf } from "@venta/store";
import type Database from "better-sqlite3";
import type { Channel, PushPlatform } from "../channels/channel.js";
import type {
  DeliveryAttempt,
  DeliveryRecord,
  DeliveryStatus,
  NotificationListKey,
  NotificationRecord,
} from "./notification.record.js";
import type { CreatedNotification, NotificationPage, NotificationsStore } from "./notifications.store.js";
import type { NotificationTopic } from "./topics.js";

interface NotificationRow {
  id: string;
  user_id: string;
  topic: NotificationTopic;
  title: string;
  body: string;
  subject_id: string | null;
  data: string;
  dedupe_key: string | null;
  created_at: number;
  read_at: number | null;
}

interface DeliveryRow {
  id: string;
  notification_id: string;
  user_id: string;
  channel: Channel;
  platform: PushPlatform | null;
  destination: string;
  title: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  due_at: number;
  sent_at: number | null;
  provider_message_id: string | null;
  created_at: number;
  updated_at: number;
}

const toNotification = (row: NotificationRow): NotificationRecord => ({
  id: row.id,
  userId: row.user_id,
  topic: row.topic,
  title: row.title,
  body: row.body,
  subjectId: row.subject_id,
  data: JSON.parse(row.data) as Record<string, string>,
  dedupeKey: row.dedupe_key,
  createdAt: new Date(row.created_at),
  readAt: row.read_at === null ? null : new Date(row.read_at),
});

const toDelivery = (row: DeliveryRow): DeliveryRecord => ({
  id: row.id,
  notificationId: row.notification_id,
  userId: row.user_id,
  channel: row.channel,
  platform: row.platform,
  destination: row.destination,
  title: row.title,
  body: row.body,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  dueAt: new Date(row.due_at),
  sentAt: row.sent_at === null ? null : new Date(row.sent_at),
  providerMessageId: row.provider_message_id,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

/**
 * Notifications and their deliveries in the embedded SQLite database. A notification and its
 * deliveries are written in one transaction; a partial unique index on (person, dedupe key)
 * decides between two racing creations of the same notification.
 */
export class SqliteNotificationsStore implements NotificationsStore {
  constructor(private readonly db: Database.Database) {}

  async create(
    notification: NotificationRecord,
    deliveries: readonly DeliveryRecord[],
  ): Promise<CreatedNotification> {
    const create = this.db.transaction((): CreatedNotification => {
      const { changes } = this.db
        .prepare(
          `INSERT INTO notifications (id, user_id, topic, title, body, subject_id, data, dedupe_key, created_at, read_at)
           VALUES (@id, @userId, @topic, @title, @body, @subjectId, @data, @dedupeKey, @createdAt, @readAt)
           ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`,
        )
        .run({
          ...notification,
          data: JSON.stringify(notification.data),
          createdAt: notification.createdAt.getTime(),
          readAt: notification.readAt?.getTime() ?? null,
        });
      if (changes === 0) {
        const existing = this.db
          .prepare<[string, string | null], NotificationRow>(
            "SELECT * FROM notifications WHERE user_id = ? AND dedupe_key = ?",
          )
          .get(notification.userId, notification.dedupeKey);
        if (!existing) throw new Error(`notification ${notification.id} was neither stored nor found`);
        return { notification: toNotification(existing), created: false };
      }
      const insert = this.db.prepare(
        `INSERT INTO notification_deliveries (id, notification_id, user_id, channel, platform, destination, title,
           body, status, attempts, last_error, due_at, sent_at, provider_message_id, created_at, updated_at)
         VALUES (@id, @notificationId, @userId, @channel, @platform, @destination, @title, @body, @status,
           @attempts, @lastError, @dueAt, @sentAt, @providerMessageId, @createdAt, @updatedAt)`,
      );
      for (const delivery of deliveries) {
        insert.run({
          ...delivery,
          dueAt: delivery.dueAt.getTime(),
          sentAt: delivery.sentAt?.getTime() ?? null,
          createdAt: delivery.createdAt.getTime(),
          updatedAt: delivery.updatedAt.getTime(),
        });
      }
      return { notification, created: true };
    });
    return create.immediate();
  }

  async findById(id: string): Promise<NotificationRecord | null> {
    const row = this.db
      .prepare<[string], NotificationRow>("SELECT * FROM notifications WHERE id = ?")
      .get(id);
    return row ? toNotification(row) : null;
  }

  async listByUser(
    userId: string,
    first: number,
    after?: NotificationListKey,
    unreadOnly = false,
  ): Promise<NotificationPage> {
    const params: Record<string, unknown> = { userId, limit: pageLimit(first) };
    let afterClause = "";
    if (after) {
      afterClause = "AND (created_at, id) < (@afterCreatedAt, @afterId)";
      params.afterCreatedAt = after.createdAt.getTime();
      params.afterId = after.id;
    }
    const rows = this.db
      .prepare<Record<string, unknown>, NotificationRow>(
        `SELECT * FROM notifications WHERE user_id = @userId ${unreadOnly ? "AND read_at IS NULL" : ""} ${afterClause}
         ORDER BY created_at DESC, id DESC LIMIT @limit`,
      )
      .all(params);
    return pageOf(rows, first, toNotification);
  }

  async countByUser(userId: string, unreadOnly = false): Promise<number> {
    const row = this.db
      .prepare<[string], { n: number }>(
        `SELECT count(*) AS n FROM notifications WHERE user_id = ? ${unreadOnly ? "AND read_at IS NULL" : ""}`,
      )
      .get(userId);
    return row?.n ?? 0;
  }

  async markRead(userId: string, id: string, at: Date): Promise<NotificationRecord | null> {
    const row = this.db
      .prepare<[number, string, string], NotificationRow>(
        "UPDATE notifications SET read_at = coalesce(read_at, ?) WHERE id = ? AND user_id = ? RETURNING *",
      )
      .get(at.getTime(), id, userId);
    return row ? toNotification(row) : null;
  }

  async markAllRead(userId: string, at: Date): Promise<number> {
    return this.db
      .prepare("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
      .run(at.getTime(), userId).changes;
  }

  async deliveriesOf(notificationIds: readonly string[]): Promise<DeliveryRecord[]> {
    if (notificationIds.length === 0) return [];
    return this.db
      .prepare<[string], DeliveryRow>(
        `SELECT * FROM notification_deliveries WHERE notification_id IN (SELECT value FROM json_each(?))
         ORDER BY created_at, id`,
      )
      .all(JSON.stringify(notificationIds))
      .map(toDelivery);
  }

  async findDelivery(id: string): Promise<DeliveryRecord | null> {
    const row = this.db
      .prepare<[string], DeliveryRow>("SELECT * FROM notification_deliveries WHERE id = ?")
      .get(id);
    return row ? toDelivery(row) : null;
  }

  async recordAttempt(id: string, attempt: DeliveryAttempt): Promise<boolean> {
    const { changes } = this.db
      .prepare(
        `UPDATE notification_deliveries SET status = @status, attempts = @attempts, last_error = @lastError,
           sent_at = @sentAt, provider_message_id = @providerMessageId, updated_at = @updatedAt
         WHERE id = @id AND status IN ('QUEUED', 'SCHEDULED')`,
      )
      .run({
        id,
        ...attempt,
        sentAt: attempt.sentAt?.getTime() ?? null,
        updatedAt: attempt.updatedAt.getTime(),
      });
    return changes === 1;
  }

  async unfinishedDeliveries(first: number, afterId?: string): Promise<DeliveryRecord[]> {
    return this.db
      .prepare<[string, number], DeliveryRow>(
        `SELECT * FROM notification_deliveries WHERE status IN ('QUEUED', 'SCHEDULED') AND id > ?
         ORDER BY id LIMIT ?`,
      )
      .all(afterId ?? "", first)
      .map(toDelivery);
  }

  async eraseUser(userId: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM notification_deliveries WHERE user_id = ?").run(userId);
      this.db.prepare("DELETE FROM notifications WHERE user_id = ?").run(userId);
    })();
  }

  async eraseAbout(topic: NotificationTopic, subjectIds: readonly string[]): Promise<void> {
    if (subjectIds.length === 0) return;
    const params = { topic, subjectIds: JSON.stringify(subjectIds) };
    const about = "topic = @topic AND subject_id IN (SELECT value FROM json_each(@subjectIds))";
    this.db.transaction(() => {
      this.db
        .prepare(
          `DELETE FROM notification_deliveries WHERE notification_id IN (SELECT id FROM notifications WHERE ${about})`,
        )
        .run(params);
      this.db.prepare(`DELETE FROM notifications WHERE ${about}`).run(params);
    })();
  }
}
