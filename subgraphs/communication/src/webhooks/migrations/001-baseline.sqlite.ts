import type { SqliteMigration } from "@venta/store";
import type Database from "better-sqlite3";
import type { InboundProvider } from "../inbound/inbound-event.record.js";
import { subjectUserIdOf } from "../inbound/inbound-subject.js";

/**
 * The tables webhooks started with: inbound events and their announcements, partner subscriptions
 * and deliveries. Files made before subjects were noted get the column, and their stored events
 * their subjects.
 */
export const webhooksBaseline: SqliteMigration = {
  version: 1,
  name: "inbound events, subscriptions and deliveries",
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS inbound_webhook_events (
        id TEXT PRIMARY KEY,
        provider TEXT NOT NULL,
        event_id TEXT NOT NULL,
        type TEXT NOT NULL,
        body TEXT NOT NULL,
        subject_user_id TEXT,
        received_at INTEGER NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at INTEGER,
        last_error TEXT,
        processed_at INTEGER
      );
      CREATE INDEX IF NOT EXISTS inbound_webhook_events_due ON inbound_webhook_events (status, next_attempt_at);
      CREATE INDEX IF NOT EXISTS inbound_webhook_events_by_receipt ON inbound_webhook_events (received_at, id);
      CREATE TABLE IF NOT EXISTS inbound_webhook_announcements (
        event_id TEXT PRIMARY KEY,
        inbound_id TEXT NOT NULL
      );
    `);
    noteSubjects(db);
    db.exec(`
      CREATE INDEX IF NOT EXISTS inbound_webhook_events_by_subject ON inbound_webhook_events (subject_user_id)
        WHERE subject_user_id IS NOT NULL;
      CREATE INDEX IF NOT EXISTS inbound_webhook_events_with_body ON inbound_webhook_events (processed_at)
        WHERE body != '';
    `);
    db.exec(`
      CREATE TABLE IF NOT EXISTS webhook_subscriptions (
        id TEXT PRIMARY KEY,
        partner_key_id TEXT NOT NULL,
        url TEXT NOT NULL,
        event_types TEXT NOT NULL,
        description TEXT,
        status TEXT NOT NULL,
        disabled_reason TEXT,
        disabled_at INTEGER,
        secret TEXT NOT NULL,
        previous_secret TEXT,
        previous_secret_expires_at INTEGER,
        consecutive_failures INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS webhook_subscriptions_by_partner
        ON webhook_subscriptions (partner_key_id, created_at, id);
      CREATE INDEX IF NOT EXISTS webhook_subscriptions_by_creation ON webhook_subscriptions (created_at, id);
    `);
    db.exec(`
      CREATE TABLE IF NOT EXISTS webhook_deliveries (
        id TEXT PRIMARY KEY,
        subscription_id TEXT NOT NULL,
        partner_key_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        event_type TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts TEXT NOT NULL,
        next_attempt_at INTEGER,
        failure_reason TEXT,
        created_at INTEGER NOT NULL,
        delivered_at INTEGER,
        UNIQUE (subscription_id, event_id)
      );
      CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
      CREATE INDEX IF NOT EXISTS webhook_deliveries_by_subscription
        ON webhook_deliveries (subscription_id, created_at, id);
      CREATE INDEX IF NOT EXISTS webhook_deliveries_by_partner ON webhook_deliveries (partner_key_id, created_at, id);
      CREATE INDEX IF NOT EXISTS webhook_deliveries_by_creation ON webhook_deliveries (created_at, id);
    `);
  },
};

function noteSubjects(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>("PRAGMA table_info(inbound_webhook_events)").all();
  if (columns.some((column) => column.name === "subject_user_id")) return;
  db.exec("ALTER TABLE inbound_webhook_events ADD COLUMN subject_user_id TEXT");
  const stored = db
    .prepare<[], { id: string; provider: InboundProvider; body: string }>(
      "SELECT id, provider, body FROM inbound_webhook_events WHERE body != ''",
    )
    .all();
  const note = db.prepare("UPDATE inbound_webhook_events SET subject_user_id = ? WHERE id = ?");
  for (const row of stored) note.run(subjectUserIdOf(row.provider, row.body), row.id);
}
