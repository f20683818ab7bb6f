import { randomUUID } from "node:crypto";
import { deleteRedisKeys, redisForTests, testLogger } from "@venta/testing";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DomainEvent } from "./catalogue.js";
import { created, snapshot, until } from "./event-bus.harness.js";
import { RedisEventBus } from "./event-bus.redis.js";

const redisUrl = await redisForTests();
const prefix = `venta:test:${randomUUID()}`;
const group = "claimer";

describe.skipIf(!redisUrl)("Redis Streams event bus: events held by dead processes", () => {
  const url = redisUrl ?? "";
  let base: string;
  let stream: string;
  let raw: Redis;
  const buses: RedisEventBus[] = [];
  // Lets a handler that hangs on purpose finish, so that its bus can close even if the test failed.
  let release = () => {};
  // Short idle times, so a takeover happens within the test.
  const open = () => {
    const bus = new RedisEventBus(url, testLogger, base, { claimMinIdleMs: 300, claimIntervalMs: 100 });
    buses.push(bus);
    return bus;
  };

  beforeEach(() => {
    base = `${prefix}:${randomUUID()}`;
    stream = `${base}:marketplace`;
    raw = new Redis(url);
  });
  afterEach(async () => {
    release();
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
    raw.disconnect();
  });
  afterAll(() => deleteRedisKeys(url, prefix));

  /** What a process leaves behind when it dies right after reading: entries it never acknowledged. */
  async function readAndDie(): Promise<string[]> {
    await raw.xgroup("CREATE", stream, group, "0", "MKSTREAM");
    const reply = (await raw.xreadgroup("GROUP", group, "dead-member", "STREAMS", stream, ">")) as
      | [string, [string, string[]][]][]
      | null;
    return (reply?.[0]?.[1] ?? []).map(([id]) => id);
  }

  it("hands an event a crashed process read but never acknowledged to a live process", async () => {
    const bus = open();
    const event = await bus.publish(created, snapshot("a"));
    expect(await readAndDie()).toHaveLength(1);
    expect((await bus.stats()).find((s) => s.consumer === group)).toMatchObject({ lag: 0, pending: 1 });

    const seen: DomainEvent[] = [];
    bus.consume(group, [created], (delivered) => {
      seen.push(delivered);
    });
    await until(() => seen.length === 1);
    expect(seen[0]?.id).toBe(event.id);
    await until(async () => (await bus.stats()).find((s) => s.consumer === group)?.pending === 0);
  });

  it("takes over from a consumer that stalls mid-event, after the idle time", async () => {
    const stalled = open();
    const live = open();
    const event = await stalled.publish(created, snapshot("a"));
    let stalledCalls = 0;
    stalled.consume(group, [created], () => {
      stalledCalls += 1;
      // Never returns until the test ends: a process that hangs (or died) holding the event.
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    await until(() => stalledCalls === 1);

    const seen: DomainEvent[] = [];
    const startedAt = Date.now();
    live.consume(group, [created], (delivered) => {
      seen.push(delivered);
    });
    await until(() => seen.length === 1);
    expect(seen[0]?.id).toBe(event.id);
    // Not before the entry was idle for the minimum time: a busy process keeps its events.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(150);
  });

  it("sets aside an event whose deliveries ran out because it kept killing its process", async () => {
    const bus = open();
    const event = await bus.publish(created, snapshot("a"));
    const [entryId] = await readAndDie();
    // As if delivered eight times, each time to a process that died before acknowledging it.
    await raw.xclaim(stream, group, "dead-member", 0, entryId ?? "", "RETRYCOUNT", 8);

    let calls = 0;
    bus.consume(group, [created], () => {
      calls += 1;
    });
    await until(async () => (await bus.deadLetters(group)).length === 1);
    const [letter] = await bus.deadLetters(group);
    expect(letter?.event.id).toBe(event.id);
    expect(letter?.attempts).toBe(8);
    expect(letter?.error).toMatch(/not acknowledged after 8 deliveries/);
    expect(calls).toBe(0);
    await until(async () => (await bus.stats()).find((s) => s.consumer === group)?.pending === 0);
  });
});
