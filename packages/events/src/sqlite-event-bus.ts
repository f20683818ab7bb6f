import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type { Logger } from "pino";
import { type DomainEvent, type EventPayload, type EventType, parseEvent } from "./catalogue.js";
import { type Consumption, type EventBus, type EventHandler, retryDelayMs } from "./event-bus.js";

interface EventRow {
  seq: number;
  id: string;
  type: string;
  payload: string;
  occurred_at: string;
}

/**
 * An event log in a SQLite file that every local process opens: the zero-setup bus. Consumers poll
 * for rows past their stored offset, so a consumer that was down catches up when it returns.
 */
export class SqliteEventBus implements EventBus {
  private readonly db: Database.Database;
  private readonly consumptions = new Set<Consumption>();

  constructor(
    filename: string,
    private readonly log: Logger,
    private readonly pollMs = 50,
  ) {
    this.db = new Database(filename);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("busy_timeout = 5000");
    // WAL with NORMAL survives a crashed process; only a power cut can lose the last commits.
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        occurred_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS consumer_offsets (consumer TEXT PRIMARY KEY, seq INTEGER NOT NULL);
    `);
  }

  async publish<T extends EventType>(type: T, payload: EventPayload<T>): Promise<DomainEvent<T>> {
    const event: DomainEvent<T> = { id: randomUUID(), type, payload, occurredAt: new Date().toISOString() };
    this.db
      .prepare("INSERT INTO events (id, type, payload, occurred_at) VALUES (?, ?, ?, ?)")
      .run(event.id, type, JSON.stringify(payload), event.occurredAt);
    return event;
  }

  async publishAll<T extends EventType>(type: T, payloads: readonly EventPayload<T>[]): Promise<void> {
    const insert = this.db.prepare("INSERT INTO events (id, type, payload, occurred_at) VALUES (?, ?, ?, ?)");
    const occurredAt = new Date().toISOString();
    this.db.transaction(() => {
      for (const payload of payloads) insert.run(randomUUID(), type, JSON.stringify(payload), occurredAt);
    })();
  }

  consume(consumer: string, types: readonly EventType[], handler: EventHandler): Consumption {
    const placeholders = types.map(() => "?").join(", ");
    const next = this.db.prepare<unknown[], EventRow>(
      `SELECT seq, id, type, payload, occurred_at FROM events WHERE seq > ? AND type IN (${placeholders}) ORDER BY seq LIMIT 200`,
    );
    const readOffset = this.db.prepare<[string], { seq: number }>(
      "SELECT seq FROM consumer_offsets WHERE consumer = ?",
    );
    const writeOffset = this.db.prepare(
      "INSERT INTO consumer_offsets (consumer, seq) VALUES (?, ?) ON CONFLICT(consumer) DO UPDATE SET seq = excluded.seq",
    );
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    let attempt = 0;

    const drain = async (): Promise<void> => {
      let offset = readOffset.get(consumer)?.seq ?? 0;
      while (!stopped) {
        const rows = next.all(offset, ...types);
        if (rows.length === 0) return;
        for (const row of rows) {
          if (stopped) return;
          await handler(
            parseEvent({
              id: row.id,
              type: row.type,
              payload: JSON.parse(row.payload),
              occurredAt: row.occurred_at,
            }),
          );
          offset = row.seq;
          writeOffset.run(consumer, offset);
          attempt = 0;
        }
      }
    };
    const tick = () => {
      running = drain().then(
        () => schedule(this.pollMs),
        (error: unknown) => {
          attempt += 1;
          this.log.warn({ err: error, consumer, attempt }, "event handler failed: will redeliver");
          schedule(retryDelayMs(attempt));
        },
      );
    };
    const schedule = (ms: number) => {
      if (!stopped) timer = setTimeout(tick, ms);
    };
    tick();

    const consumption: Consumption = {
      stop: async () => {
        stopped = true;
        clearTimeout(timer);
        await running;
        this.consumptions.delete(consumption);
      },
    };
    this.consumptions.add(consumption);
    return consumption;
  }

  async ping(): Promise<void> {
    this.db.prepare("SELECT 1").get();
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumptions].map((c) => c.stop()));
    this.db.close();
  }
}
