import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { EventType } from "./catalogue.js";
import { claimStuck } from "./claims.redis.js";
import type { RedisDeadLetters } from "./dead-letters.redis.js";
import { pause } from "./delivery.js";
import type { Delivery, DeliveryContext } from "./delivery-modes.js";
import { type Consumption, type RawEvent, retryDelayMs } from "./event-bus.js";
import { entryTimeOf, rawEventOf, type StreamEntry } from "./streams.redis.js";

export interface RedisConsumptionSetup {
  redis: Redis;
  log: Logger;
  dead: RedisDeadLetters;
  consumer: string;
  types: readonly EventType[];
  /** The event streams holding `types`; the consumer's redrive stream is added here. */
  streams: readonly string[];
  /** How events reach the handler: one at a time, or in batches. */
  delivery: (context: DeliveryContext) => Delivery;
  maxAttempts: number;
  claimMinIdleMs: number;
  claimIntervalMs: number;
  /** The wait after a read that did not fill a batch (see `RedisEventBusOptions.lingerMs`). */
  lingerMs: number;
  onStop: () => void;
}

type StreamReply = [stream: string, entries: StreamEntry[]][] | null;

/** Entries asked for per read. */
const READ_COUNT = 500;

/**
 * One member of the consumer's group: reads new entries, takes over entries other members left
 * unacknowledged, and acknowledges what it handled or set aside as a dead letter.
 */
export function startRedisConsumption(setup: RedisConsumptionSetup): Consumption {
  const { redis, log, dead, consumer, maxAttempts, claimMinIdleMs, claimIntervalMs } = setup;
  // Blocking reads hold a connection, so each consumption gets its own, sending each read as it comes.
  const reader = redis.duplicate({ enableAutoPipelining: false });
  reader.on("error", (error) => log.warn({ err: error, consumer }, "redis consumer connection error"));
  const member = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const wanted = new Set<string>(setup.types);
  const redriven = dead.redriveKey(consumer);
  const streams = [...setup.streams, redriven];
  // "0" first re-reads what this member was given but never acknowledged; ">" then reads new entries.
  const cursors = new Map(streams.map((stream) => [stream, "0"]));
  // Short enough that claim checks are not held up by a quiet stream.
  const block = Math.min(1_000, claimIntervalMs);
  const abort = new AbortController();
  const handOver = setup.delivery({ consumer, maxAttempts, signal: abort.signal, log });
  let stopped = false;

  const acknowledge = async (stream: string, ids: string[]) => {
    if (stream !== redriven) {
      await redis.xack(stream, consumer, ...ids);
      return;
    }
    // Only this group reads a redrive stream: once acknowledged, an entry is of no further use.
    await redis
      .multi()
      .xack(stream, consumer, ...ids)
      .xdel(stream, ...ids)
      .exec();
  };

  const handle = async (stream: string, entries: StreamEntry[], deliveries?: Map<string, number>) => {
    // Unwanted types are passed over: acknowledged with the rest, never handed to the handler.
    const done: string[] = [];
    const entryOf = new Map<RawEvent, string>();
    for (const [entryId, fields] of entries) {
      const event: RawEvent = { ...rawEventOf(entryId, fields), publishedAt: entryTimeOf(entryId) };
      if (wanted.has(event.type)) entryOf.set(event, entryId);
      else done.push(entryId);
    }
    try {
      // Left unacknowledged when the consumption stops: another member (or this consumer's next
      // start) takes them over.
      await handOver(
        [...entryOf.keys()],
        async (settled) => {
          for (const { event, outcome } of settled) {
            // Recorded before the acknowledgement below, so a crash in between repeats, not loses, it.
            if (outcome.kind === "dead")
              await dead.add(consumer, event, outcome.error, outcome.attempts, new Date());
            done.push(entryOf.get(event) ?? event.id);
          }
        },
        (event) => deliveries?.get(entryOf.get(event) ?? "") ?? 1,
      );
    } finally {
      // One acknowledgement for the whole read: acking entry by entry would cap a busy stream.
      if (done.length > 0) await acknowledge(stream, done);
    }
  };

  const claimAbandoned = async () => {
    for (const stream of streams) {
      for await (const claimed of claimStuck(redis, stream, consumer, member, claimMinIdleMs)) {
        log.info({ consumer, stream, count: claimed.entries.length }, "took over unacknowledged events");
        await handle(stream, claimed.entries, claimed.deliveries);
        if (stopped) return;
      }
    }
  };

  const createGroups = async () => {
    for (const stream of streams) {
      try {
        await reader.xgroup("CREATE", stream, consumer, "0", "MKSTREAM");
      } catch (error) {
        if (!(error instanceof Error && error.message.includes("BUSYGROUP"))) throw error;
      }
    }
  };

  const loop = async () => {
    await createGroups();
    let failures = 0;
    // Claims run at once too: a process restarting after a crash finds its old entries waiting.
    let claimAt = 0;
    while (!stopped) {
      try {
        if (Date.now() >= claimAt) {
          claimAt = Date.now() + claimIntervalMs;
          await claimAbandoned();
        }
        const reply = (await reader.xreadgroup(
          "GROUP",
          consumer,
          member,
          "COUNT",
          READ_COUNT,
          "BLOCK",
          block,
          "STREAMS",
          ...streams,
          ...streams.map((stream) => cursors.get(stream) ?? ">"),
        )) as StreamReply;
        const replied = new Map((reply ?? []).map(([stream, entries]) => [stream, entries]));
        let read = 0;
        for (const stream of streams) {
          const entries = replied.get(stream) ?? [];
          if (cursors.get(stream) === "0" && entries.length === 0) cursors.set(stream, ">");
          read = Math.max(read, entries.length);
          await handle(stream, entries);
        }
        failures = 0;
        // A part-filled read means events trickle in: let a few more arrive before asking again.
        if (read > 0 && read < READ_COUNT && setup.lingerMs > 0) await pause(setup.lingerMs, abort.signal);
      } catch (error) {
        if (stopped) return;
        // Handler failures are retried inside `deliver`; this is Redis failing.
        failures += 1;
        log.warn({ err: error, consumer, attempt: failures }, "event consumer failed: will retry");
        for (const stream of streams) cursors.set(stream, "0");
        await pause(retryDelayMs(failures), abort.signal);
        // The streams went away (a flushed or restarted Redis without persistence): start over
        // rather than fail forever. Whatever was lost with them cannot be recovered here.
        if (error instanceof Error && error.message.includes("NOGROUP") && !stopped) {
          await createGroups().catch(() => {});
        }
      }
    }
  };
  const running = loop().catch((error: unknown) =>
    log.error({ err: error, consumer }, "event consumer stopped"),
  );

  return {
    stop: async () => {
      stopped = true;
      abort.abort();
      reader.disconnect();
      await running;
      setup.onStop();
    },
  };
}
