import { migrateSqlite, pageLimit, pageOf } from "@venta/store";
import Database from "better-sqlite3";
import { type AggregateType, aggregateOf, type DomainEvent, type EventType } from "./catalogue.js";
import { parsePayload } from "./delivery.js";
import { erasedBy } from "./event-erasure.js";
import { SqliteEventErasure } from "./event-erasure.sqlite.js";
import type { EventQuery, EventStore, StoredEvent, StoredEventPage } from "./event-store.js";
import { eventStoreMigrations } from "./event-store.migration.js";

interface StoredRow {
  position: number;
  id: string;
  type: string;
  payload: string;
  occurred_at: string;
  aggregate_type: string;
  aggregate_id: string;
}

const COLUMNS = "position, id, type, payload, occurred_at, aggregate_type, aggregate_id";

const toStored = (row: StoredRow): StoredEvent => ({
  position: row.position,
  // Appended from validated events only: read back as they were.
  event: {
    id: row.id,
    type: row.type as EventType,
    payload: parsePayload(row.payload),
    occurredAt: row.occurred_at,
  } as DomainEvent,
  aggregateType: row.aggregate_type as AggregateType,
  aggregateId: row.aggregate_id,
});

const page = (rows: StoredRow[], first: number): StoredEventPage => {
  const { records, hasNextPage } = pageOf(rows, first, toStored);
  return { events: records, hasNextPage };
};

/**
 * The event store in a SQLite file of its own (`event-store.db` in DATA_DIR). Appending an erasure
 * redacts the person's stored events in the same transaction (see event-erasure.ts).
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<unknown[]>;
  private readonly erasure: SqliteEventErasure;

  constructor(filename: string) {
    this.db = new Database(filename);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("busy_timeout = 5000");
    this.db.pragma("synchronous = NORMAL");
    migrateSqlite(this.db, [eventStoreMigrations.sqlite]);
    this.insert = this.db.prepare(
      `INSERT OR IGNORE INTO stored_events (id, type, payload, occurred_at, aggregate_type, aggregate_id, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.erasure = new SqliteEventErasure(this.db);
  }

  async append(events: readonly DomainEvent[]): Promise<number> {
    const recordedAt = Date.now();
    // Immediate: whether a person is erased is read and acted on under the write lock, so an event
    // recorded by another process cannot slip past an erasure committing at the same time.
    return this.db
      .transaction((): number => {
        let added = 0;
        for (const event of events) {
          const admitted = this.erasure.admit(event);
          const aggregate = aggregateOf(admitted.event);
          const { changes, lastInsertRowid } = this.insert.run(
            admitted.event.id,
            admitted.event.type,
            JSON.stringify(admitted.event.payload),
            admitted.event.occurredAt,
            aggregate.type,
            aggregate.id,
            recordedAt,
          );
          if (changes > 0) this.erasure.index(Number(lastInsertRowid), admitted.people);
          added += changes;
          // Again on a redelivery, which changes nothing more.
          const erasing = erasedBy(event);
          if (erasing !== undefined) this.erasure.erase(erasing);
        }
        return added;
      })
      .immediate();
  }

  async eventsFor(
    aggregateType: AggregateType,
    aggregateId: string,
    first: number,
    afterPosition = 0,
  ): Promise<StoredEventPage> {
    const rows = this.db
      .prepare<[string, string, number, number], StoredRow>(
        `SELECT ${COLUMNS} FROM stored_events WHERE aggregate_type = ? AND aggregate_id = ? AND position > ?
         ORDER BY position LIMIT ?`,
      )
      .all(aggregateType, aggregateId, afterPosition, pageLimit(first));
    return page(rows, first);
  }

  async query(query: EventQuery, first: number, afterPosition = 0): Promise<StoredEventPage> {
    const where = ["position > @after"];
    const params: Record<string, unknown> = { after: afterPosition, limit: pageLimit(first) };
    if (query.types) {
      where.push("type IN (SELECT value FROM json_each(@types))");
      params.types = JSON.stringify(query.types);
    }
    if (query.from) {
      where.push("occurred_at >= @from");
      params.from = query.from.toISOString();
    }
    if (query.to) {
      where.push("occurred_at < @to");
      params.to = query.to.toISOString();
    }
    const rows = this.db
      .prepare<Record<string, unknown>, StoredRow>(
        `SELECT ${COLUMNS} FROM stored_events WHERE ${where.join(" AND ")} ORDER BY position LIMIT @limit`,
      )
      .all(params);
    return page(rows, first);
  }

  async ping(): Promise<void> {
    this.db.prepare("SELECT 1").get();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
