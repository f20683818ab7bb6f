import { randomUUID } from "node:crypto";
import { migrateSqlite } from "@venta/store";
import Database from "better-sqlite3";
import type { Logger } from "pino";
import type { DomainEvent, EventPayload, EventType } from "./catalogue.js";
import { startSqliteConsumption } from "./consumption.sqlite.js";
import { SqliteDeadLetters } from "./dead-letters.sqlite.js";
import { type Delivery, type DeliveryContext, inBatches, oneAtATime } from "./delivery-modes.js";
import {
  type BatchHandler,
  type ConsumeOptions,
  type ConsumerStats,
  type Consumption,
  DEFAULT_MAX_ATTEMPTS,
  type DeadLetter,
  type EventBus,
  type EventHandler,
} from "./event-bus.js";
import { eventBusMigrations } from "./event-bus.migration.js";
import { newEvent } from "./outbox.js";
import { discardPassedEvents } from "./retention.sqlite.js";
import { sqliteStats } from "./stats.sqlite.js";

export interface SqliteEventBusOptions {
  /**
   * Events younger than this are kept even once every consumer has passed them, for replay by a
   * new consumer. Disk is cheap next to Redis memory, hence a week. Default: 7 days.
   */
  retentionMs?: number;
  /** How often this process applies retention; 0 leaves it to explicit calls. Default: 1 hour. */
  retentionIntervalMs?: number;
}

/**
 * An event log in a SQLite file that every local process opens: the zero-setup bus. Consumers poll
 * for rows past their stored offset, so a consumer that was down catches up when it returns.
 */
export class SqliteEventBus implements EventBus {
  private readonly db: Database.Database;
  private readonly dead: SqliteDeadLetters;
  private readonly consumptions = new Set<Consumption>();
  private readonly retentionMs: number;
  private readonly retentionTimer: NodeJS.Timeout | undefined;

  constructor(
    filename: string,
    private readonly log: Logger,
    private readonly pollMs = 50,
    options: SqliteEventBusOptions = {},
  ) {
    this.db = new Database(filename);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("busy_timeout = 5000");
    // WAL with NORMAL survives a crashed process; only a power cut can lose the last commits.
    this.db.pragma("synchronous = NORMAL");
    migrateSqlite(this.db, [eventBusMigrations]);
    this.dead = new SqliteDeadLetters(this.db);
    this.retentionMs = options.retentionMs ?? 7 * 24 * 3_600_000;
    const every = options.retentionIntervalMs ?? 3_600_000;
    if (every > 0) {
      this.retentionTimer = setInterval(() => {
        this.applyRetention().catch((error: unknown) => log.warn({ err: error }, "event retention failed"));
      }, every);
      // Housekeeping must not keep a finished process alive.
      this.retentionTimer.unref();
    }
  }

  async publish<T extends EventType>(type: T, payload: EventPayload<T>): Promise<DomainEvent<T>> {
    const event = newEvent(type, payload);
    this.db
      .prepare(
        "INSERT INTO events (id, type, payload, occurred_at, traceparent, published_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(event.id, type, JSON.stringify(payload), event.occurredAt, event.traceparent ?? null, Date.now());
    return event;
  }

  async publishAll<T extends EventType>(type: T, payloads: readonly EventPayload<T>[]): Promise<void> {
    const insert = this.db.prepare(
      "INSERT INTO events (id, type, payload, occurred_at, published_at) VALUES (?, ?, ?, ?, ?)",
    );
    const now = new Date();
    const occurredAt = now.toISOString();
    this.db.transaction(() => {
      for (const payload of payloads)
        insert.run(randomUUID(), type, JSON.stringify(payload), occurredAt, now.getTime());
    })();
  }

  async publishEvents(events: readonly DomainEvent[]): Promise<void> {
    // The id is unique in the log: an event published again by a relay that died mid-way is ignored.
    const insert = this.db.prepare(
      "INSERT OR IGNORE INTO events (id, type, payload, occurred_at, traceparent, published_at) VALUES (?, ?, ?, ?, ?, ?)",
    );
    const publishedAt = Date.now();
    this.db.transaction(() => {
      for (const event of events)
        insert.run(
          event.id,
          event.type,
          JSON.stringify(event.payload),
          event.occurredAt,
          event.traceparent ?? null,
          publishedAt,
        );
    })();
  }

  consume(
    consumer: string,
    types: readonly EventType[],
    handler: EventHandler,
    options: ConsumeOptions = {},
  ): Consumption {
    return this.start(consumer, types, (context) => oneAtATime(handler, context), options);
  }

  consumeBatches(
    consumer: string,
    types: readonly EventType[],
    handler: BatchHandler,
    options: ConsumeOptions = {},
  ): Consumption {
    return this.start(consumer, types, (context) => inBatches(handler, context), options);
  }

  private start(
    consumer: string,
    types: readonly EventType[],
    delivery: (context: DeliveryContext) => Delivery,
    options: ConsumeOptions,
  ): Consumption {
    const consumption = startSqliteConsumption({
      db: this.db,
      log: this.log,
      dead: this.dead,
      consumer,
      types,
      delivery,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      pollMs: this.pollMs,
      onStop: () => this.consumptions.delete(consumption),
    });
    this.consumptions.add(consumption);
    return consumption;
  }

  async deadLetters(consumer: string, limit = 100): Promise<DeadLetter[]> {
    return this.dead.list(consumer, limit);
  }

  async redrive(consumer: string): Promise<number> {
    return this.dead.redrive(consumer);
  }

  async applyRetention(): Promise<number> {
    return discardPassedEvents(this.db, this.retentionMs, new Date());
  }

  async stats(): Promise<ConsumerStats[]> {
    return sqliteStats(this.db);
  }

  async ping(): Promise<void> {
    this.db.prepare("SELECT 1").get();
  }

  async close(): Promise<void> {
    clearInterval(this.retentionTimer);
    await Promise.all([...this.consumptions].map((c) => c.stop()));
    this.db.close();
  }
}
