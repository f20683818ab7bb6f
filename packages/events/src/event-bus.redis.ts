import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { type DomainEvent, type EventPayload, type EventType, eventCatalogue } from "./catalogue.js";
import { startRedisConsumption } from "./consumption.redis.js";
import { RedisDeadLetters } from "./dead-letters.redis.js";
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
import { newEvent } from "./outbox.js";
import { trimStream } from "./retention.redis.js";
import { redisStats } from "./stats.redis.js";
import { eventFields } from "./streams.redis.js";

export interface RedisEventBusOptions {
  /**
   * Approximate cap on each event stream's length, applied on every publish (XADD MAXLEN ~). It
   * cannot tell whether a group still needs the entries it drops, so it is a backstop against
   * unbounded memory (say, a consumer group abandoned after a rename), far above what the safe
   * trimming below leaves. Default: 1,000,000 entries per stream.
   */
  maxLen?: number;
  /**
   * Entries younger than this are kept even once every group has acknowledged them, for replay by
   * new consumers; older ones go once every group is past them. Default: 24 hours.
   */
  retentionMs?: number;
  /** How often this process trims the event streams; 0 leaves it to explicit calls. Default: 5 min. */
  retentionIntervalMs?: number;
  /** How long an entry may sit unacknowledged before another process takes it over. Default: 30 s. */
  claimMinIdleMs?: number;
  /** How often each consumption looks for such entries. Default: 10 s. */
  claimIntervalMs?: number;
  /**
   * How long a consumption waits after a read that did not fill a batch, so that under a steady
   * trickle the next read brings several events, not one (Kafka's `fetch.max.wait.ms`): fewer round
   * trips and transactions per event for a few milliseconds of delay. 0 reads again at once.
   * Default: 5 ms.
   */
  lingerMs?: number;
}

/** The prefix of the event streams every service shares unless told otherwise. */
export const DEFAULT_EVENT_STREAM = "venta:events";

/**
 * The stream an event type is published on: one per publishing subgraph (`venta:events:marketplace`,
 * …), so a consumer reads only the streams of the events it wants and a flood of location updates
 * never delays a vendor change. (Dead-letter and redrive streams sit beside them as
 * `…:dead:<consumer>`, `…:redrive:<consumer>`; no subgraph is called "dead" or "redrive".)
 */
export function eventStreamOf(prefix: string, type: EventType): string {
  return `${prefix}:${type.slice(0, type.indexOf("."))}`;
}

/**
 * Redis Streams with one consumer group per consumer name: each group sees every event once,
 * across however many processes share the name, and unacknowledged entries are redelivered.
 */
export class RedisEventBus implements EventBus {
  private readonly redis: Redis;
  private readonly consumptions = new Set<Consumption>();
  private readonly dead: RedisDeadLetters;
  private readonly maxLen: number;
  private readonly retentionMs: number;
  private readonly claimMinIdleMs: number;
  private readonly claimIntervalMs: number;
  private readonly lingerMs: number;
  private readonly retentionTimer: NodeJS.Timeout | undefined;

  constructor(
    url: string,
    private readonly log: Logger,
    private readonly stream = DEFAULT_EVENT_STREAM,
    options: RedisEventBusOptions = {},
  ) {
    // Consumers' acknowledgements and the relay's publishes of one event-loop turn share a pipeline.
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3, enableAutoPipelining: true });
    this.redis.on("error", (error) => log.warn({ err: error }, "redis event bus connection error"));
    this.dead = new RedisDeadLetters(this.redis, stream);
    this.maxLen = options.maxLen ?? 1_000_000;
    this.retentionMs = options.retentionMs ?? 24 * 3_600_000;
    this.claimMinIdleMs = options.claimMinIdleMs ?? 30_000;
    this.claimIntervalMs = options.claimIntervalMs ?? 10_000;
    this.lingerMs = options.lingerMs ?? 5;
    const every = options.retentionIntervalMs ?? 5 * 60_000;
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
    await this.redis.xadd(this.streamOf(type), "MAXLEN", "~", this.maxLen, "*", ...eventFields(event));
    return event;
  }

  async publishAll<T extends EventType>(type: T, payloads: readonly EventPayload<T>[]): Promise<void> {
    if (payloads.length === 0) return;
    const occurredAt = new Date().toISOString();
    const pipeline = this.redis.pipeline();
    for (const payload of payloads) {
      const fields = eventFields({ id: randomUUID(), type, payload, occurredAt });
      pipeline.xadd(this.streamOf(type), "MAXLEN", "~", this.maxLen, "*", ...fields);
    }
    await pipeline.exec();
  }

  async publishEvents(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const event of events)
      pipeline.xadd(this.streamOf(event.type), "MAXLEN", "~", this.maxLen, "*", ...eventFields(event));
    // A pipeline reports each command's failure in its reply instead of rejecting.
    const replies = (await pipeline.exec()) ?? [];
    const failed = replies.find(([error]) => error !== null);
    if (failed?.[0]) throw failed[0];
    if (replies.length !== events.length) throw new Error("redis did not take every event");
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
    const consumption = startRedisConsumption({
      redis: this.redis,
      log: this.log,
      dead: this.dead,
      consumer,
      types,
      streams: [...new Set(types.map((type) => this.streamOf(type)))],
      delivery,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      claimMinIdleMs: this.claimMinIdleMs,
      claimIntervalMs: this.claimIntervalMs,
      lingerMs: this.lingerMs,
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
    let removed = 0;
    for (const stream of this.eventStreams())
      removed += await trimStream(this.redis, stream, this.retentionMs);
    return removed;
  }

  async stats(): Promise<ConsumerStats[]> {
    return redisStats(this.redis, this.eventStreams(), this.dead);
  }

  private streamOf(type: EventType): string {
    return eventStreamOf(this.stream, type);
  }

  /** Every event stream there can be, from the catalogue: housekeeping must not miss a quiet one. */
  private eventStreams(): string[] {
    return [...new Set(Object.keys(eventCatalogue).map((type) => this.streamOf(type as EventType)))];
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    clearInterval(this.retentionTimer);
    await Promise.all([...this.consumptions].map((c) => c.stop()));
    await this.redis.quit();
  }
}
