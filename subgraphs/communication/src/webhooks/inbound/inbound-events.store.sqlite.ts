import type { SqliteOutbox } from "@venta/events";
import { pageLimit, pageOf } from "@venta/store";
import type Database from "better-sqlite3";
import type { InboundEventRecord, InboundEventStatus, InboundProvider } from "./inbound-event.record.js";
import type {
  InboundEventListOptions,
  InboundEventPage,
  InboundEventsStore,
  ProcessingOutcome,
} from "./inbound-events.store.js";
import { detailOf, ERASED_REASON } from "./inbound-events.store.js";

interface InboundEventRow {
  id: string;
  provider: InboundProvider;
  event_id: string;
  type: string;
  /** Empty once removed: the column is NOT NULL in files made before bodies could be removed. */
  body: string;
  subject_user_id: string | null;
  received_at: number;
  status: InboundEventStatus;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  processed_at: number | null;
}

const COLUMNS =
  "id, provider, event_id, type, body, subject_user_id, received_at, status, attempts, next_attempt_at, last_error, processed_at";

const toRecord = (row: InboundEventRow): InboundEventRecord => ({
  id: row.id,
  provider: row.provider,
  eventId: row.event_id,
  type: row.type,
  body: row.body === "" ? null : row.body,
  subjectUserId: row.subject_user_id,
  receivedAt: new Date(row.received_at),
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at === null ? null : new Date(row.next_attempt_at),
  lastError: row.last_error,
  processedAt: row.processed_at === null ? null : new Date(row.processed_at),
});

/**
 * Inbound webhook events in the embedded SQLite database, with the ids of the domain events they
 * announced: completing an event and recording its announcements in the outbox is one transaction.
 */
export class SqliteInboundEventsStore implements InboundEventsStore {
  constructor(
    private readonly db: Database.Database,
    private readonly outbox: SqliteOutbox,
  ) {}

  private get(id: string): InboundEventRecord | null {
    const row = this.db
      .prepare<[string], InboundEventRow>(`SELECT ${COLUMNS} FROM inbound_webhook_events WHERE id = ?`)
      .get(id);
    return row ? toRecord(row) : null;
  }

  async insert(record: InboundEventRecord): Promise<boolean> {
    const { changes } = this.db
      .prepare(
        `INSERT OR IGNORE INTO inbound_webhook_events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.id,
        record.provider,
        record.eventId,
        record.type,
        record.body ?? "",
        record.subjectUserId,
        record.receivedAt.getTime(),
        record.status,
        record.attempts,
        record.nextAttemptAt?.getTime() ?? null,
        record.lastError,
        record.processedAt?.getTime() ?? null,
      );
    return changes === 1;
  }

  async findById(id: string): Promise<InboundEventRecord | null> {
    return this.get(id);
  }

  async claimDue(now: Date, limit: number, leaseUntil: Date): Promise<InboundEventRecord[]> {
    // One statement: the rows chosen are the rows leased, whatever another process does meanwhile.
    return this.db
      .prepare<[number, number, number], InboundEventRow>(
        `UPDATE inbound_webhook_events SET next_attempt_at = ?, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM inbound_webhook_events WHERE status = 'PENDING' AND next_attempt_at <= ?
           ORDER BY next_attempt_at LIMIT ?
         )
         RETURNING ${COLUMNS}`,
      )
      .all(leaseUntil.getTime(), now.getTime(), limit)
      .map(toRecord);
  }

  async complete(id: string, outcome: ProcessingOutcome): Promise<InboundEventRecord | null> {
    const announce = this.db.prepare(
      "INSERT OR IGNORE INTO inbound_webhook_announcements (event_id, inbound_id) VALUES (?, ?)",
    );
    const update = this.db.prepare(
      `UPDATE inbound_webhook_events SET status = @status, next_attempt_at = @nextAttemptAt, last_error = @error,
       processed_at = @processedAt WHERE id = @id`,
    );
    const complete = this.db.transaction((): InboundEventRecord | null => {
      const { changes } = update.run({
        id,
        status: outcome.status,
        nextAttemptAt: outcome.status === "PENDING" ? outcome.nextAttemptAt.getTime() : null,
        error: detailOf(outcome),
        processedAt:
          outcome.status === "PROCESSED" || outcome.status === "IGNORED" ? outcome.at.getTime() : null,
      });
      if (changes === 0) return null;
      if (outcome.status === "PROCESSED") {
        const fresh = outcome.events.filter((event) => announce.run(event.id, id).changes === 1);
        this.outbox.add(fresh);
      }
      return this.get(id);
    });
    return complete.immediate();
  }

  async retry(id: string, at: Date): Promise<InboundEventRecord | null> {
    const { changes } = this.db
      .prepare(
        `UPDATE inbound_webhook_events SET status = 'PENDING', attempts = 0, next_attempt_at = ?
         WHERE id = ? AND status = 'FAILED'`,
      )
      .run(at.getTime(), id);
    return changes === 1 ? this.get(id) : null;
  }

  async list({ first, after, provider, status }: InboundEventListOptions): Promise<InboundEventPage> {
    const filter: string[] = [];
    const params: Record<string, unknown> = { limit: pageLimit(first) };
    if (provider !== undefined) {
      filter.push("provider = @provider");
      params.provider = provider;
    }
    if (status !== undefined) {
      filter.push("status = @status");
      params.status = status;
    }
    const where = [...filter];
    if (after) {
      where.push("(received_at < @afterReceivedAt OR (received_at = @afterReceivedAt AND id < @afterId))");
      params.afterReceivedAt = after.receivedAt.getTime();
      params.afterId = after.id;
    }
    const clause = (parts: string[]) => (parts.length > 0 ? `WHERE ${parts.join(" AND ")}` : "");
    const rows = this.db
      .prepare<Record<string, unknown>, InboundEventRow>(
        `SELECT ${COLUMNS} FROM inbound_webhook_events ${clause(where)} ORDER BY received_at DESC, id DESC LIMIT @limit`,
      )
      .all(params);
    const { n } = this.db
      .prepare<Record<string, unknown>, { n: number }>(
        `SELECT count(*) AS n FROM inbound_webhook_events ${clause(filter)}`,
      )
      .get(params) ?? { n: 0 };
    return { ...pageOf(rows, first, toRecord), totalCount: n };
  }

  async eraseSubject(userId: string, at: Date): Promise<number> {
    // Every expression reads the row as it was: `status` in each CASE is the status before.
    const { changes } = this.db
      .prepare(
        `UPDATE inbound_webhook_events SET body = '', subject_user_id = NULL,
           status = CASE WHEN status IN ('PENDING', 'FAILED') THEN 'IGNORED' ELSE status END,
           last_error = CASE WHEN status IN ('PENDING', 'FAILED') THEN @reason ELSE last_error END,
           processed_at = CASE WHEN status IN ('PENDING', 'FAILED') THEN @at ELSE processed_at END,
           next_attempt_at = CASE WHEN status IN ('PENDING', 'FAILED') THEN NULL ELSE next_attempt_at END
         WHERE subject_user_id = @userId`,
      )
      .run({ userId, at: at.getTime(), reason: ERASED_REASON });
    return changes;
  }

  async pruneBodies(doneBefore: Date): Promise<number> {
    const { changes } = this.db
      .prepare(
        `UPDATE inbound_webhook_events SET body = '', subject_user_id = NULL
         WHERE body != '' AND processed_at < ? AND status IN ('PROCESSED', 'IGNORED')`,
      )
      .run(doneBefore.getTime());
    return changes;
  }
}
