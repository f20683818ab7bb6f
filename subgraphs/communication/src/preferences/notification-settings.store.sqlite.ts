import type Database from "better-sqlite3";
import type { NotificationSettingsRecord } from "./notification-settings.record.js";
import type { NotificationSettingsStore } from "./notification-settings.store.js";

interface SettingsRow {
  user_id: string;
  locale: string | null;
  time_zone: string | null;
  quiet_start: number | null;
  quiet_end: number | null;
  topics: string;
  updated_at: number;
}

/** Notification settings in the embedded SQLite database; the per-topic switches as one JSON column. */
export class SqliteNotificationSettingsStore implements NotificationSettingsStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS notification_settings (
        user_id TEXT PRIMARY KEY,
        locale TEXT,
        time_zone TEXT,
        quiet_start INTEGER,
        quiet_end INTEGER,
        topics TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
  }

  async find(userId: string): Promise<NotificationSettingsRecord | null> {
    const row = this.db
      .prepare<[string], SettingsRow>("SELECT * FROM notification_settings WHERE user_id = ?")
      .get(userId);
    if (!row) return null;
    return {
      userId: row.user_id,
      locale: row.locale,
      timeZone: row.time_zone,
      quietHours:
        row.quiet_start === null || row.quiet_end === null
          ? null
          : { startMinute: row.quiet_start, endMinute: row.quiet_end },
      topics: JSON.parse(row.topics) as NotificationSettingsRecord["topics"],
      updatedAt: new Date(row.updated_at),
    };
  }

  async save(settings: NotificationSettingsRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO notification_settings
           (user_id, locale, time_zone, quiet_start, quiet_end, topics, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        settings.userId,
        settings.locale,
        settings.timeZone,
        settings.quietHours?.startMinute ?? null,
        settings.quietHours?.endMinute ?? null,
        JSON.stringify(settings.topics),
        settings.updatedAt.getTime(),
      );
  }

  async eraseUser(userId: string): Promise<void> {
    this.db.prepare("DELETE FROM notification_settings WHERE user_id = ?").run(userId);
  }
}
