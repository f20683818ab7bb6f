import type Database from "better-sqlite3";
import type { DomainEvent, EventType } from "./catalogue.js";
import { parsePayload } from "./delivery.js";
import { type Announce, CommitSignal, type Outbox } from "./outbox.js";

interface OutboxRow {
  id: string;
  type: string;
  payload: string;
  occurred_at: string;
  traceparent: string | null;
}

/** The single relay lease of an outbox. */
const LEASE = "relay";

/**
 * The outbox of a subgraph's SQLite database: a table in the subgraph's own file, so an event is
 * committed in the very transaction of the write it announces. SQLite has one writer at a time, so
 * `seq` order is commit order. Its tables come from `outboxMigrations`, run before it is built.
 */
export class SqliteOutbox implements Outbox {
  private readonly signal = new CommitSignal();
  private readonly insert: Database.Statement<[string, string, string, string, string | null]>;
  // Prepared once: the relay runs these on every pass, and preparing costs more than running.
  private readonly take: Database.Statement<{ name: string; owner: string; expiresAt: number; now: number }>;
  private readonly giveBack: Database.Statement<[string, string]>;
  private readonly oldestRows: Database.Statement<[number], OutboxRow>;
  private readonly forget: Database.Statement<[string]>;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      "INSERT INTO outbox (id, type, payload, occurred_at, traceparent) VALUES (?, ?, ?, ?, ?)",
    );
    this.take = db.prepare(
      `INSERT INTO outbox_lease (name, owner, expires_at) VALUES (@name, @owner, @expiresAt)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
       WHERE outbox_lease.owner = excluded.owner OR outbox_lease.expires_at < @now`,
    );
    this.giveBack = db.prepare("DELETE FROM outbox_lease WHERE name = ? AND owner = ?");
    this.oldestRows = db.prepare(
      "SELECT id, type, payload, occurred_at, traceparent FROM outbox ORDER BY seq LIMIT ?",
    );
    this.forget = db.prepare("DELETE FROM outbox WHERE id IN (SELECT value FROM json_each(?))");
  }

  /**
   * Records events in the outbox. Synchronous, so that callers make it part of their own
   * `db.transaction(...)` with the write the events announce; the relay is woken once it commits.
   */
  add(events: readonly DomainEvent[]): void {
    if (events.length === 0) return;
    for (const event of events)
      this.insert.run(
        event.id,
        event.type,
        JSON.stringify(event.payload),
        event.occurredAt,
        event.traceparent ?? null,
      );
    this.signal.fire();
  }

  /**
   * Runs `write` and records what `announce` makes of its result, in one IMMEDIATE transaction
   * (the write lock taken up front, as a read-then-write needs). A `write` that opens its own
   * transaction nests in this one.
   */
  record<R>(write: () => R, announce?: Announce<R>): R {
    return this.db
      .transaction((): R => {
        const result = write();
        if (announce) this.add(announce(result));
        return result;
      })
      .immediate();
  }

  async acquire(owner: string, leaseMs: number): Promise<boolean> {
    const now = Date.now();
    const { changes } = this.take.run({ name: LEASE, owner, expiresAt: now + leaseMs, now });
    return changes === 1;
  }

  async release(owner: string): Promise<void> {
    this.giveBack.run(LEASE, owner);
  }

  async oldest(limit: number): Promise<DomainEvent[]> {
    return this.oldestRows.all(limit).map(
      (row) =>
        // Written from a typed event by `add`: read back as it was.
        ({
          id: row.id,
          type: row.type as EventType,
          payload: parsePayload(row.payload),
          occurredAt: row.occurred_at,
          ...(row.traceparent ? { traceparent: row.traceparent } : {}),
        }) as DomainEvent,
    );
  }

  async remove(eventIds: readonly string[]): Promise<void> {
    if (eventIds.length === 0) return;
    this.forget.run(JSON.stringify(eventIds));
  }

  async count(): Promise<number> {
    return this.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox").get()?.n ?? 0;
  }

  async oldestOccurredAt(): Promise<string | null> {
    return (
      this.db
        .prepare<[], { occurred_at: string }>("SELECT occurred_at FROM outbox ORDER BY seq LIMIT 1")
        .get()?.occurred_at ?? null
    );
  }

  onRecorded(listener: () => void): () => void {
    return this.signal.subscribe(listener);
  }
}
