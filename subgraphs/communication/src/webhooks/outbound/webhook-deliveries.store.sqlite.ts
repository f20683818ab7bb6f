import { pageLimit, pageOf } from "@venta/store";
import type Database from "better-sqlite3";
import type { PublicEventType } from "./public-events.js";
import type {
  AttemptOutcome,
  WebhookDeliveriesStore,
  WebhookDeliveryListOptions,
  WebhookDeliveryPage,
} from "./webhook-deliveries.store.js";
import type {
  WebhookAttemptRecord,
  WebhookDeliveryRecord,
  WebhookDeliveryStatus,
} from "./webhook-delivery.record.js";

interface DeliveryRow {
  id: string;
  subscription_id: string;
  partner_key_id: string;
  event_id: string;
  event_type: PublicEventType;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: string;
  next_attempt_at: number | null;
  failure_reason: string | null;
  created_at: number;
  delivered_at: number | null;
}

/** An attempt as kept in the JSON column: times as epoch milliseconds. */
interface StoredAttempt extends Omit<WebhookAttemptRecord, "attemptedAt"> {
  attemptedAt: number;
}

const COLUMNS = `id, subscription_id, partner_key_id, event_id, event_type, body, status, attempts,
  next_attempt_at, failure_reason, created_at, delivered_at`;

const toStored = (attempt: WebhookAttemptRecord): StoredAttempt => ({
  ...attempt,
  attemptedAt: attempt.attemptedAt.getTime(),
});

const toRecord = (row: DeliveryRow): WebhookDeliveryRecord => ({
  id: row.id,
  subscriptionId: row.subscription_id,
  partnerKeyId: row.partner_key_id,
  eventId: row.event_id,
  eventType: row.event_type,
  body: row.body,
  status: row.status,
  attempts: (JSON.parse(row.attempts) as StoredAttempt[]).map((a) => ({
    ...a,
    attemptedAt: new Date(a.attemptedAt),
  })),
  nextAttemptAt: row.next_attempt_at === null ? null : new Date(row.next_attempt_at),
  failureReason: row.failure_reason,
  createdAt: new Date(row.created_at),
  deliveredAt: row.delivered_at === null ? null : new Date(row.delivered_at),
});

/**
 * Webhook deliveries in the embedded SQLite database. A delivery's attempts live in a JSON column
 * of its row: they are few (bounded by the retry budget) and always read with it.
 */
export class SqliteWebhookDeliveriesStore implements WebhookDeliveriesStore {
  constructor(private readonly db: Database.Database) {}

  private get(id: string): WebhookDeliveryRecord | null {
    const row = this.db
      .prepare<[string], DeliveryRow>(`SELECT ${COLUMNS} FROM webhook_deliveries WHERE id = ?`)
      .get(id);
    return row ? toRecord(row) : null;
  }

  async enqueue(records: readonly WebhookDeliveryRecord[]): Promise<number> {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO webhook_deliveries (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const enqueue = this.db.transaction((): number => {
      let added = 0;
      for (const r of records) {
        added += insert.run(
          r.id,
          r.subscriptionId,
          r.partnerKeyId,
          r.eventId,
          r.eventType,
          r.body,
          r.status,
          JSON.stringify(r.attempts.map(toStored)),
          r.nextAttemptAt?.getTime() ?? null,
          r.failureReason,
          r.createdAt.getTime(),
          r.deliveredAt?.getTime() ?? null,
        ).changes;
      }
      return added;
    });
    return enqueue.immediate();
  }

  async findById(id: string): Promise<WebhookDeliveryRecord | null> {
    return this.get(id);
  }

  async claimDue(now: Date, limit: number, leaseUntil: Date): Promise<WebhookDeliveryRecord[]> {
    // One statement: the rows chosen are the rows leased, whatever another process does meanwhile.
    return this.db
      .prepare<[number, number, number], DeliveryRow>(
        `UPDATE webhook_deliveries SET next_attempt_at = ?
         WHERE id IN (
           SELECT id FROM webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at <= ?
           ORDER BY next_attempt_at LIMIT ?
         )
         RETURNING ${COLUMNS}`,
      )
      .all(leaseUntil.getTime(), now.getTime(), limit)
      .map(toRecord);
  }

  async recordAttempt(
    id: string,
    attempt: WebhookAttemptRecord,
    outcome: AttemptOutcome,
  ): Promise<WebhookDeliveryRecord | null> {
    this.db
      .prepare(
        `UPDATE webhook_deliveries SET
           attempts = json_insert(attempts, '$[#]', json(@attempt)),
           status = @status,
           next_attempt_at = @nextAttemptAt,
           failure_reason = @failureReason,
           delivered_at = CASE WHEN @status = 'SUCCEEDED' THEN @at ELSE delivered_at END
         WHERE id = @id`,
      )
      .run({
        id,
        attempt: JSON.stringify(toStored(attempt)),
        status: outcome.status,
        nextAttemptAt: outcome.status === "PENDING" ? outcome.nextAttemptAt.getTime() : null,
        failureReason: outcome.status === "FAILED" ? outcome.failureReason : null,
        at: attempt.attemptedAt.getTime(),
      });
    return this.get(id);
  }

  async failPending(subscriptionId: string, failureReason: string): Promise<number> {
    return this.db
      .prepare(
        `UPDATE webhook_deliveries SET status = 'FAILED', next_attempt_at = NULL, failure_reason = ?
         WHERE subscription_id = ? AND status = 'PENDING'`,
      )
      .run(failureReason, subscriptionId).changes;
  }

  async failPendingOfPartnerKey(partnerKeyId: string, failureReason: string): Promise<number> {
    return this.db
      .prepare(
        `UPDATE webhook_deliveries SET status = 'FAILED', next_attempt_at = NULL, failure_reason = ?
         WHERE partner_key_id = ? AND status = 'PENDING'`,
      )
      .run(failureReason, partnerKeyId).changes;
  }

  async retry(id: string, at: Date): Promise<WebhookDeliveryRecord | null> {
    const { changes } = this.db
      .prepare(
        `UPDATE webhook_deliveries SET status = 'PENDING', next_attempt_at = ?, failure_reason = NULL
         WHERE id = ? AND status = 'FAILED'`,
      )
      .run(at.getTime(), id);
    return changes === 1 ? this.get(id) : null;
  }

  async list({
    first,
    after,
    subscriptionId,
    partnerKeyId,
    status,
  }: WebhookDeliveryListOptions): Promise<WebhookDeliveryPage> {
    const filter: string[] = [];
    const params: Record<string, unknown> = { limit: pageLimit(first) };
    if (subscriptionId !== undefined) {
      filter.push("subscription_id = @subscriptionId");
      params.subscriptionId = subscriptionId;
    }
    if (partnerKeyId !== undefined) {
      filter.push("partner_key_id = @partnerKeyId");
      params.partnerKeyId = partnerKeyId;
    }
    if (status !== undefined) {
      filter.push("status = @status");
      params.status = status;
    }
    const where = [...filter];
    if (after) {
      where.push("(created_at < @afterCreatedAt OR (created_at = @afterCreatedAt AND id < @afterId))");
      params.afterCreatedAt = after.createdAt.getTime();
      params.afterId = after.id;
    }
    const clause = (parts: string[]) => (parts.length > 0 ? `WHERE ${parts.join(" AND ")}` : "");
    const rows = this.db
      .prepare<Record<string, unknown>, DeliveryRow>(
        `SELECT ${COLUMNS} FROM webhook_deliveries ${clause(where)} ORDER BY created_at DESC, id DESC LIMIT @limit`,
      )
      .all(params);
    const { n } = this.db
      .prepare<Record<string, unknown>, { n: number }>(
        `SELECT count(*) AS n FROM webhook_deliveries ${clause(filter)}`,
      )
      .get(params) ?? { n: 0 };
    return { ...pageOf(rows, first, toRecord), totalCount: n };
  }

  async removeBySubscription(subscriptionId: string): Promise<number> {
    return this.db.prepare("DELETE FROM webhook_deliveries WHERE subscription_id = ?").run(subscriptionId)
      .changes;
  }
}
