import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { type DomainEvent, type EventPayload, type EventType, isEventType, parseEvent } from "./catalogue.js";
import { type Consumption, type EventBus, type EventHandler, retryDelayMs } from "./event-bus.js";

type StreamEntry = [id: string, fields: string[]];
type StreamReply = [stream: string, entries: StreamEntry[]][] | null;

/**
 * Redis Streams with one consumer group per consumer name: each group sees every event once,
 * across however many processes share the name, and unacknowledged entries are redelivered.
 */
export class RedisEventBus implements EventBus {
  private readonly redis: Redis;
  private readonly consumptions = new Set<Consumption>();

  constructor(
    url: string,
    private readonly log: Logger,
    private readonly stream = "venta:events",
  ) {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.redis.on("error", (error) => log.warn({ err: error }, "redis event bus connection error"));
  }

  async publish<T extends EventType>(type: T, payload: EventPayload<T>): Promise<DomainEvent<T>> {
    const event: DomainEvent<T> = { id: randomUUID(), type, payload, occurredAt: new Date().toISOString() };
    await this.redis.xadd(
      this.streamOf(type),
      "*",
      "id",
      event.id,
      "type",
      type,
      "payload",
      JSON.stringify(payload),
      "occurredAt",
      event.occurredAt,
    );
    return event;
  }

  async publishAll<T extends EventType>(type: T, payloads: readonly EventPayload<T>[]): Promise<void> {
    if (payloads.length === 0) return;
    const occurredAt = new Date().toISOString();
    const pipeline = this.redis.pipeline();
    for (const payload of payloads) {
      pipeline.xadd(
        this.streamOf(type),
        "*",
        "id",
        randomUUID(),
        "type",
        type,
        "payload",
        JSON.stringify(payload),
        "occurredAt",
        occurredAt,
      );
    }
    await pipeline.exec();
  }

  consume(consumer: string, types: readonly EventType[], handler: EventHandler): Consumption {
    // Blocking reads hold a connection, so each consumption gets its own.
    const reader = this.redis.duplicate();
    reader.on("error", (error) => this.log.warn({ err: error, consumer }, "redis consumer connection error"));
    const member = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    const wanted = new Set<string>(types);
    const streams = [...new Set(types.map((type) => this.streamOf(type)))];
    // "0" first re-reads what this member was given but never acknowledged; ">" then reads new entries.
    const cursors = new Map(streams.map((stream) => [stream, "0"]));
    let stopped = false;

    const handle = async (stream: string, entries: StreamEntry[]) => {
      const handled: string[] = [];
      try {
        for (const [entryId, fields] of entries) {
          if (stopped) return;
          const raw = Object.fromEntries(pairs(fields));
          if (raw.type && isEventType(raw.type) && wanted.has(raw.type)) {
            await handler(
              parseEvent({
                id: raw.id ?? entryId,
                type: raw.type,
                payload: JSON.parse(raw.payload ?? "null"),
                occurredAt: raw.occurredAt ?? "",
              }),
            );
          }
          handled.push(entryId);
        }
      } finally {
        // One acknowledgement for the whole batch: acking entry by entry would cap a busy stream.
        if (handled.length > 0) await this.redis.xack(stream, consumer, ...handled);
      }
    };

    const loop = async () => {
      for (const stream of streams) {
        try {
          await reader.xgroup("CREATE", stream, consumer, "0", "MKSTREAM");
        } catch (error) {
          if (!(error instanceof Error && error.message.includes("BUSYGROUP"))) throw error;
        }
      }
      let attempt = 0;
      while (!stopped) {
        try {
          const reply = (await reader.xreadgroup(
            "GROUP",
            consumer,
            member,
            "COUNT",
            500,
            "BLOCK",
            1_000,
            "STREAMS",
            ...streams,
            ...streams.map((stream) => cursors.get(stream) ?? ">"),
          )) as StreamReply;
          const replied = new Map((reply ?? []).map(([stream, entries]) => [stream, entries]));
          for (const stream of streams) {
            const entries = replied.get(stream) ?? [];
            if (cursors.get(stream) === "0" && entries.length === 0) cursors.set(stream, ">");
            await handle(stream, entries);
          }
          attempt = 0;
        } catch (error) {
          if (stopped) return;
          attempt += 1;
          this.log.warn({ err: error, consumer, attempt }, "event handler failed: will redeliver");
          for (const stream of streams) cursors.set(stream, "0");
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt)));
        }
      }
    };
    const running = loop().catch((error: unknown) =>
      this.log.error({ err: error, consumer }, "event consumer stopped"),
    );

    const consumption: Consumption = {
      stop: async () => {
        stopped = true;
        reader.disconnect();
        await running;
        this.consumptions.delete(consumption);
      },
    };
    this.consumptions.add(consumption);
    return consumption;
  }

  /**
   * One stream per publishing subgraph (`venta:events:marketplace`, …): a consumer reads only the
   * streams of the events it wants, so a flood of location updates never delays a vendor change.
   */
  private streamOf(type: EventType): string {
    return `${this.stream}:${type.slice(0, type.indexOf("."))}`;
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumptions].map((c) => c.stop()));
    await this.redis.quit();
  }
}

function* pairs(fields: string[]): Generator<[string, string]> {
  for (let i = 0; i + 1 < fields.length; i += 2) yield [fields[i] as string, fields[i + 1] as string];
}
