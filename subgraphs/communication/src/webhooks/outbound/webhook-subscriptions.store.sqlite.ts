import { pageLimit, pageOf } from "@venta/store";
import type Database from "better-sqlite3";
import type { PublicEventType } from "./public-events.js";
import type {
  WebhookDisabledReason,
  WebhookSubscriptionRecord,
  WebhookSubscriptionStatus,
} from "./webhook-subscription.record.js";
import type {
  DeliveryOutcomeResult,
  WebhookSubscriptionChanges,
  WebhookSubscriptionListOptions,
  WebhookSubscriptionPage,
  WebhookSubscriptionsStore,
} from "./webhook-subscriptions.store.js";

interface SubscriptionRow {
  id: string;
  partner_key_id: string;
  url: string;
  event_types: string;
  description: string | null;
  status: WebhookSubscriptionStatus;
  disabled_reason: WebhookDisabledReason | null;
  disabled_at: number | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: number | null;
  consecutive_failures: number;
  created_at: number;
  updated_at: number;
}

const COLUMNS = `id, partner_key_id, url, event_types, description, status, disabled_reason, disabled_at, secret,
  previous_secret, previous_secret_expires_at, consecutive_failures, created_at, updated_at`;

const dateOrNull = (ms: number | null) => (ms === null ? null : new Date(ms));

const toRecord = (row: SubscriptionRow): WebhookSubscriptionRecord => ({
  id: row.id,
  partnerKeyId: row.partner_key_id,
  url: row.url,
  eventTypes: JSON.parse(row.event_types) as PublicEventType[],
  description: row.description,
  status: row.status,
  disabledReason: row.disabled_reason,
  disabledAt: dateOrNull(row.disabled_at),
  secret: row.secret,
  previousSecret: row.previous_secret,
  previousSecretExpiresAt: dateOrNull(row.previous_secret_expires_at),
  consecutiveFailures: row.consecutive_failures,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

/** Webhook subscriptions in the embedded SQLite database. Times are epoch milliseconds. */
export class SqliteWebhookSubscriptionsStore implements WebhookSubscriptionsStore {
  constructor(private readonly db: Database.Database) {}

  private get(id: string): WebhookSubscriptionRecord | null {
    const row = this.db
      .prepare<[string], SubscriptionRow>(`SELECT ${COLUMNS} FROM webhook_subscriptions WHERE id = ?`)
      .get(id);
    return row ? toRecord(row) : null;
  }

  async insert(record: WebhookSubscriptionRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO webhook_subscriptions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.id,
        record.partnerKeyId,
        record.url,
        JSON.stringify(record.eventTypes),
        record.description,
        record.status,
        record.disabledReason,
        record.disabledAt?.getTime() ?? null,
        record.secret,
        record.previousSecret,
        record.previousSecretExpiresAt?.getTime() ?? null,
        record.consecutiveFailures,
        record.createdAt.getTime(),
        record.updatedAt.getTime(),
      );
  }

  async findById(id: string): Promise<WebhookSubscriptionRecord | null> {
    return this.get(id);
  }

  async list({
    first,
    after,
    partnerKeyId,
  }: WebhookSubscriptionListOptions): Promise<WebhookSubscriptionPage> {
    const filter: string[] = [];
    const params: Record<string, unknown> = { limit: pageLimit(first) };
    if (partnerKeyId !== undefined) {
      filter.push("partner_key_id = @partnerKeyId");
      params.partnerKeyId = partnerKeyId;
    }
    const where = [...filter];
    if (after) {
      where.push("(created_at < @afterCreatedAt OR (created_at = @afterCreatedAt AND id < @afterId))");
      params.afterCreatedAt = after.createdAt.getTime();
      params.afterId = after.id;
    }
    const clause = (parts: string[]) => (parts.length > 0 ? `WHERE ${parts.join(" AND ")}` : "");
    const rows = this.db
      .prepare<Record<string, unknown>, SubscriptionRow>(
        `SELECT ${COLUMNS} FROM webhook_subscriptions ${clause(where)}
         ORDER BY created_at DESC, id DESC LIMIT @limit`,
      )
      .all(params);
    const { n } = this.db
      .prepare<Record<string, unknown>, { n: number }>(
        `SELECT count(*) AS n FROM webhook_subscriptions ${clause(filter)}`,
      )
      .get(params) ?? { n: 0 };
    return { ...pageOf(rows, first, toRecord), totalCount: n };
  }

  async activeFor(eventType: PublicEventType): Promise<WebhookSubscriptionRecord[]> {
    return this.db
      .prepare<[string], SubscriptionRow>(
        `SELECT ${COLUMNS} FROM webhook_subscriptions
         WHERE status = 'ACTIVE' AND EXISTS (SELECT 1 FROM json_each(event_types) WHERE value = ?)`,
      )
      .all(eventType)
      .map(toRecord);
  }

  async update(
    id: string,
    changes: WebhookSubscriptionChanges,
    at: Date,
  ): Promise<WebhookSubscriptionRecord | null> {
    const sets = ["updated_at = @at"];
    const params: Record<string, unknown> = { id, at: at.getTime() };
    if (changes.url !== undefined) {
      sets.push("url = @url");
      params.url = changes.url;
    }
    if (changes.eventTypes !== undefined) {
      sets.push("event_types = @eventTypes");
      params.eventTypes = JSON.stringify(changes.eventTypes);
    }
    if (changes.description !== undefined) {
      sets.push("description = @description");
      params.description = changes.description;
    }
    this.db.prepare(`UPDATE webhook_subscriptions SET ${sets.join(", ")} WHERE id = @id`).run(params);
    return this.get(id);
  }

  async enable(id: string, at: Date): Promise<WebhookSubscriptionRecord | null> {
    this.db
      .prepare(
        `UPDATE webhook_subscriptions SET status = 'ACTIVE', disabled_reason = NULL, disabled_at = NULL,
         consecutive_failures = 0, updated_at = ? WHERE id = ? AND coalesce(disabled_reason, '') != 'KEY_REVOKED'`,
      )
      .run(at.getTime(), id);
    return this.get(id);
  }

  async disable(
    id: string,
    reason: WebhookDisabledReason,
    at: Date,
  ): Promise<WebhookSubscriptionRecord | null> {
    this.db
      .prepare(
        `UPDATE webhook_subscriptions SET status = 'DISABLED', disabled_reason = ?, disabled_at = ?, updated_at = ?
         WHERE id = ? AND status = 'ACTIVE'`,
      )
      .run(reason, at.getTime(), at.getTime(), id);
    return this.get(id);
  }

  async disableForRevokedKey(partnerKeyId: string, at: Date): Promise<number> {
    return this.db
      .prepare(
        `UPDATE webhook_subscriptions SET status = 'DISABLED', disabled_reason = 'KEY_REVOKED',
         disabled_at = coalesce(disabled_at, @at), updated_at = @at
         WHERE partner_key_id = @partnerKeyId AND coalesce(disabled_reason, '') != 'KEY_REVOKED'`,
      )
      .run({ partnerKeyId, at: at.getTime() }).changes;
  }

  async rotateSecret(
    id: string,
    secret: string,
    previousExpiresAt: Date,
    at: Date,
  ): Promise<WebhookSubscriptionRecord | null> {
    this.db
      .prepare(
        `UPDATE webhook_subscriptions SET previous_secret = secret, previous_secret_expires_at = ?, secret = ?,
         updated_at = ? WHERE id = ?`,
      )
      .run(previousExpiresAt.getTime(), secret, at.getTime(), id);
    return this.get(id);
  }

  async remove(id: string): Promise<boolean> {
    return this.db.prepare("DELETE FROM webhook_subscriptions WHERE id = ?").run(id).changes === 1;
  }

  async recordOutcome(
    id: string,
    succeeded: boolean,
    disableAfter: number,
    at: Date,
  ): Promise<DeliveryOutcomeResult | null> {
    const record = this.db.transaction((): DeliveryOutcomeResult | null => {
      const before = this.get(id);
      if (!before) return null;
      if (succeeded) {
        this.db.prepare("UPDATE webhook_subscriptions SET consecutive_failures = 0 WHERE id = ?").run(id);
        return { consecutiveFailures: 0, disabledNow: false };
      }
      const failures = before.consecutiveFailures + 1;
      const disabledNow = before.status === "ACTIVE" && failures >= disableAfter;
      this.db
        .prepare(
          `UPDATE webhook_subscriptions SET consecutive_failures = @failures,
           status = CASE WHEN @disable THEN 'DISABLED' ELSE status END,
           disabled_reason = CASE WHEN @disable THEN 'FAILING' ELSE disabled_reason END,
           disabled_at = CASE WHEN @disable THEN @at ELSE disabled_at END,
           updated_at = CASE WHEN @disable THEN @at ELSE updated_at END
           WHERE id = @id`,
        )
        .run({ id, failures, disable: disabledNow ? 1 : 0, at: at.getTime() });
      return { consecutiveFailures: failures, disabledNow };
    });
    return record.immediate();
  }
}
