import type { SqliteMigration } from "@venta/store";

/** The tables notifications started with: notifications and their deliveries. */
export const notificationsBaseline: SqliteMigration = {
  version: 1,
  name: "notifications and deliveries",
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS notifications (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        subject_id TEXT,
        data TEXT NOT NULL,
        dedupe_key TEXT,
        created_at INTEGER NOT NULL,
        read_at INTEGER
      );
      CREATE UNIQUE INDEX IF NOT EXISTS notifications_dedupe
        ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
      CREATE INDEX IF NOT EXISTS notifications_by_user ON notifications (user_id, created_at, id);
      CREATE INDEX IF NOT EXISTS notifications_by_subject ON notifications (subject_id, topic);
      CREATE INDEX IF NOT EXISTS notifications_unread_by_user
        ON notifications (user_id, created_at, id) WHERE read_at IS NULL;
      CREATE TABLE IF NOT EXISTS notification_deliveries (
        id TEXT PRIMARY KEY,
        notification_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        platform TEXT,
        destination TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        last_error TEXT,
        due_at INTEGER NOT NULL,
        sent_at INTEGER,
        provider_message_id TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS deliveries_by_notification ON notification_deliveries (notification_id, created_at);
      CREATE INDEX IF NOT EXISTS deliveries_by_user ON notification_deliveries (user_id);
      CREATE INDEX IF NOT EXISTS deliveries_unfinished
        ON notification_deliveries (id) WHERE status IN ('QUEUED', 'SCHEDULED');
    `);
  },
};
