import type Database from "better-sqlite3";
import type { ChannelSwitches, NotificationTopic } from "../notifications/topics.js";
import type { NotificationSettingsRecord } from "./notification-settings.record.js";
import type { NotificationSettingsStore } from "./notification-settings.store.js";

interface SettingsRow {
  user_id: string;
  locale: string | null;
  time_zone: string | null;
  quiet_start: number | null;
  quiet_end: number | null;
  topics: string;
  topics_changed_at: string;
  updated_at: number;
}

type ChangeTimes = Partial<Record<NotificationTopic, number>>;

const toRecord = (row: SettingsRow): NotificationSettingsRecord => ({
  userId: row.user_id,
  locale: row.locale,
  timeZone: row.time_zone,
  quietHours:
    row.quiet_start === null || row.quiet_end === null
      ? null
      : { startMinute: row.quiet_start, endMinute: row.quiet_end },
  topics: JSON.parse(row.topics) as NotificationSettingsRecord["topics"],
  topicsChangedAt: Object.fromEntries(
    Object.entries(JSON.parse(row.topics_changed_at) as ChangeTimes).map(([topic, ms]) => [
      topic,
      new Date(ms),
    ]),
  ),
  updatedAt: new Date(row.updated_at),
});

/**
 * Notification settings in the embedded SQLite database; the per-topic switches, and when each was
 * changed, as JSON columns.
 */
export class SqliteNotificationSettingsStore implements NotificationSettingsStore {
  constructor(private readonly db: Database.Database) {}

  async find(userId: string): Promise<NotificationSettingsRecord | null> {
    const row = this.db
      .prepare<[string], SettingsRow>("SELECT * FROM notification_settings WHERE user_id = ?")
      .get(userId);
    return row ? toRecord(row) : null;
  }

  async save(settings: NotificationSettingsRecord): Promise<void> {
    this.write(settings);
  }

  private write(settings: NotificationSettingsRecord): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO notification_settings
           (user_id, locale, time_zone, quiet_start, quiet_end, topics, topics_changed_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        settings.userId,
        settings.locale,
        settings.timeZone,
        settings.quietHours?.startMinute ?? null,
        settings.quietHours?.endMinute ?? null,
        JSON.stringify(settings.topics),
        JSON.stringify(
          Object.fromEntries(
            Object.entries(settings.topicsChangedAt).map(([topic, at]) => [topic, at.getTime()]),
          ),
        ),
        settings.updatedAt.getTime(),
      );
  }

  async applyTopics(
    userId: string,
    topics: Partial<Record<NotificationTopic, ChannelSwitches>>,
    at: Date,
  ): Promise<NotificationTopic[]> {
    // IMMEDIATE: read and write as one step, so a change made meanwhile cannot be lost.
    return this.db
      .transaction((): NotificationTopic[] => {
        const row = this.db
          .prepare<[string], SettingsRow>("SELECT * FROM notification_settings WHERE user_id = ?")
          .get(userId);
        const current = row ? toRecord(row) : null;
        const next: NotificationSettingsRecord = current ?? {
          userId,
          locale: null,
          timeZone: null,
          quietHours: null,
          topics: {},
          topicsChangedAt: {},
          updatedAt: at,
        };
        const applied: NotificationTopic[] = [];
        for (const [topic, switches] of Object.entries(topics) as [NotificationTopic, ChannelSwitches][]) {
          const changedAt = next.topicsChangedAt[topic];
          if (changedAt && changedAt > at) continue;
          next.topics[topic] = { push: switches.push, email: switches.email, sms: switches.sms };
          next.topicsChangedAt[topic] = at;
          applied.push(topic);
        }
        if (applied.length === 0) return applied;
        if (at > next.updatedAt) next.updatedAt = at;
        this.write(next);
        return applied;
      })
      .immediate();
  }

  async eraseUser(userId: string): Promise<void> {
    this.db.prepare("DELETE FROM notification_settings WHERE user_id = ?").run(userId);
  }
}
