import type Database from "better-sqlite3";
import type { Logger } from "pino";
import type { EventType } from "./catalogue.js";
import type { SqliteDeadLetters } from "./dead-letters.sqlite.js";
import { parsePayload } from "./delivery.js";
import type { Delivery, DeliveryContext, Settled } from "./delivery-modes.js";
import { type Consumption, type RawEvent, retryDelayMs } from "./event-bus.js";

export interface SqliteConsumptionSetup {
  db: Database.Database;
  log: Logger;
  dead: SqliteDeadLetters;
  consumer: string;
  types: readonly EventType[];
  /** How events reach the handler: one at a time, or in batches. */
  delivery: (context: DeliveryContext) => Delivery;
  maxAttempts: number;
  pollMs: number;
  onStop: () => void;
}

interface EventRow {
  seq: number;
  id: string;
  type: string;
  payload: string;
  occurred_at: string;
  traceparent: string | null;
  published_at: number | null;
}

/** Rows read per query: bounded, so a consumer far behind still checks for stop requests. */
const BATCH = 500;

/**
 * Polls the log for rows of the consumer's types past its stored offset, after any letters an
 * operator redrove to it, and moves the offset past each event as it is handled or set aside.
 */
export function startSqliteConsumption(setup: SqliteConsumptionSetup): Consumption {
  const { db, log, dead, consumer, types, maxAttempts, pollMs } = setup;
  const wanted = new Set<string>(types);
  const placeholders = types.map(() => "?").join(", ");
  const next = db.prepare<unknown[], EventRow>(
    `SELECT seq, id, type, payload, occurred_at, traceparent, published_at FROM events
     WHERE seq > ? AND seq <= ? AND type IN (${placeholders}) ORDER BY seq LIMIT ${BATCH}`,
  );
  const head = db.prepare<[], { head: number | null }>("SELECT MAX(seq) AS head FROM events");
  const readOffset = db.prepare<[string], { seq: number }>(
    "SELECT seq FROM consumer_offsets WHERE consumer = ?",
  );
  const writeOffset = db.prepare(
    "INSERT INTO consumer_offsets (consumer, seq) VALUES (?, ?) ON CONFLICT(consumer) DO UPDATE SET seq = excluded.seq",
  );
  // Known from the start, at offset 0 if new: retention then keeps what this consumer has yet to read.
  db.prepare(
    `INSERT INTO consumer_offsets (consumer, seq, types) VALUES (?, 0, ?)
     ON CONFLICT(consumer) DO UPDATE SET types = excluded.types`,
  ).run(consumer, JSON.stringify(types));
  const abort = new AbortController();
  const handOver = setup.delivery({ consumer, maxAttempts, signal: abort.signal, log });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let failures = 0;

  /** Redriven letters first: an operator asked for them, and there are few. False once stopped. */
  const redeliver = async (): Promise<boolean> => {
    for (const { seq, event } of dead.redriven(consumer)) {
      if (!wanted.has(event.type)) {
        dead.settle(seq);
        continue;
      }
      const finished = await handOver([event], ([settled]) => {
        if (settled?.outcome.kind === "dead")
          dead.failAgain(seq, settled.outcome.error, settled.outcome.attempts, new Date());
        else dead.settle(seq);
      });
      if (!finished) return false;
    }
    return true;
  };

  const drain = async (): Promise<void> => {
    if (!(await redeliver())) return;
    let offset = readOffset.get(consumer)?.seq ?? 0;
    while (!stopped) {
      // Bounded by the head read first: rows committed later get higher numbers (SQLite has one
      // writer at a time), so passing the head below cannot skip an event.
      const upTo = head.get()?.head ?? offset;
      const rows = next.all(offset, upTo, ...types);
      const seqOf = new Map<RawEvent, number>();
      const events = rows.map((row) => {
        const event: RawEvent = {
          id: row.id,
          type: row.type,
          payload: parsePayload(row.payload),
          occurredAt: row.occurred_at,
          traceparent: row.traceparent ?? undefined,
          publishedAt: row.published_at ?? undefined,
        };
        seqOf.set(event, row.seq);
        return event;
      });
      // Dead letters and the offset past them in one transaction: a crash in between would lose
      // an event, or deliver it again after it was set aside.
      const pass = db.transaction((settled: Settled[]) => {
        for (const { event, outcome } of settled) {
          if (outcome.kind === "dead") dead.add(consumer, event, outcome.error, outcome.attempts, new Date());
          offset = seqOf.get(event) ?? offset;
        }
        writeOffset.run(consumer, offset);
      });
      if (!(await handOver(events, (settled) => pass(settled)))) return;
      if (rows.length < BATCH) {
        // Passing the head also passes the types this consumer skips, so that retention can
        // discard them and lag does not count them.
        if (upTo > offset) writeOffset.run(consumer, upTo);
        return;
      }
    }
  };
  const tick = () => {
    running = drain().then(
      () => {
        failures = 0;
        schedule(pollMs);
      },
      (error: unknown) => {
        // Handler failures are retried inside `deliver`; this is the database failing.
        failures += 1;
        log.warn({ err: error, consumer, attempt: failures }, "event consumer failed: will retry");
        schedule(retryDelayMs(failures));
      },
    );
  };
  const schedule = (ms: number) => {
    if (!stopped) timer = setTimeout(tick, ms);
  };
  tick();

  return {
    stop: async () => {
      stopped = true;
      abort.abort();
      clearTimeout(timer);
      await running;
      setup.onStop();
    },
  };
}
