import type Database from "better-sqlite3";
import { parsePayload } from "./delivery.js";
import type { DeadLetter, RawEvent } from "./event-bus.js";

interface DeadLetterRow {
  seq: number;
  consumer: string;
  event_id: string;
  type: string;
  payload: string;
  occurred_at: string;
  error: string;
  attempts: number;
  dead_at: string;
}

/** A redriven letter waiting for its consumer: the event, and the row to settle once handled. */
export interface Redelivery {
  seq: number;
  event: RawEvent;
}

/** The `dead_letters` table: events consumers gave up on, and those redriven back to them. */
export class SqliteDeadLetters {
  private readonly insert: Database.Statement;
  private readonly listDead: Database.Statement<[string, number], DeadLetterRow>;
  private readonly markRedriven: Database.Statement<[string]>;
  private readonly listRedriven: Database.Statement<[string], DeadLetterRow>;
  private readonly remove: Database.Statement<[number]>;
  private readonly markDeadAgain: Database.Statement<[string, number, string, number]>;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO dead_letters (consumer, event_id, type, payload, occurred_at, error, attempts, dead_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.listDead = db.prepare(
      "SELECT * FROM dead_letters WHERE consumer = ? AND state = 'dead' ORDER BY seq LIMIT ?",
    );
    this.markRedriven = db.prepare(
      "UPDATE dead_letters SET state = 'redriven' WHERE consumer = ? AND state = 'dead'",
    );
    this.listRedriven = db.prepare(
      "SELECT * FROM dead_letters WHERE consumer = ? AND state = 'redriven' ORDER BY seq LIMIT 200",
    );
    this.remove = db.prepare("DELETE FROM dead_letters WHERE seq = ?");
    this.markDeadAgain = db.prepare(
      "UPDATE dead_letters SET state = 'dead', error = ?, attempts = ?, dead_at = ? WHERE seq = ?",
    );
  }

  add(consumer: string, event: RawEvent, error: string, attempts: number, deadAt: Date): void {
    this.insert.run(
      consumer,
      event.id,
      event.type,
      JSON.stringify(event.payload),
      event.occurredAt,
      error,
      attempts,
      deadAt.toISOString(),
    );
  }

  list(consumer: string, limit: number): DeadLetter[] {
    return this.listDead.all(consumer, limit).map((row) => ({
      event: rawEventOf(row),
      consumer: row.consumer,
      error: row.error,
      attempts: row.attempts,
      deadAt: row.dead_at,
    }));
  }

  redrive(consumer: string): number {
    return this.markRedriven.run(consumer).changes;
  }

  redriven(consumer: string): Redelivery[] {
    return this.listRedriven.all(consumer).map((row) => ({ seq: row.seq, event: rawEventOf(row) }));
  }

  /** The redriven event was handled (or is no longer wanted): the letter is done with. */
  settle(seq: number): void {
    this.remove.run(seq);
  }

  /** The redriven event failed again: back among the dead, with the new failure. */
  failAgain(seq: number, error: string, attempts: number, deadAt: Date): void {
    this.markDeadAgain.run(error, attempts, deadAt.toISOString(), seq);
  }
}

function rawEventOf(row: DeadLetterRow): RawEvent {
  return {
    id: row.event_id,
    type: row.type,
    payload: parsePayload(row.payload),
    occurredAt: row.occurred_at,
  };
}
