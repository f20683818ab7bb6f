import { randomUUID } from "node:crypto";
import { deleteRedisKeys, redisForTests, testLogger } from "@venta/testing";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { collect, created, sleep, snapshot, until } from "./event-bus.harness.js";
import { RedisEventBus } from "./event-bus.redis.js";

const redisUrl = await redisForTests();
const prefix = `venta:test:${randomUUID()}`;

describe.skipIf(!redisUrl)("Redis Streams event bus: stream trimming", () => {
  const url = redisUrl ?? "";
  let base: string;
  let stream: string;
  let raw: Redis;
  const buses: RedisEventBus[] = [];

  beforeEach(() => {
    base = `${prefix}:${randomUUID()}`;
    stream = `${base}:marketplace`;
    raw = new Redis(url);
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
    raw.disconnect();
  });
  afterAll(() => deleteRedisKeys(url, prefix));

  it("never trims an entry a group was handed but has not acknowledged, however old", async () => {
    const bus = new RedisEventBus(url, testLogger, base, { retentionMs: 0 });
    buses.push(bus);
    await bus.publishAll(created, [snapshot("a"), snapshot("b")]);
    await raw.xgroup("CREATE", stream, "holder", "0", "MKSTREAM");
    const reply = (await raw.xreadgroup("GROUP", "holder", "member", "STREAMS", stream, ">")) as [
      string,
      [string, string[]][],
    ][];
    const [a, b] = (reply[0]?.[1] ?? []).map(([id]) => id);
    const reader = collect(bus, "reader");
    await until(() => reader.seen.length === 2);
    await reader.consumption.stop();
    await sleep(10);

    expect(await bus.applyRetention()).toBe(0);
    await raw.xack(stream, "holder", a ?? "");
    expect(await bus.applyRetention()).toBe(1);
    await raw.xack(stream, "holder", b ?? "");
    expect(await bus.applyRetention()).toBe(1);
    expect(await raw.xlen(stream)).toBe(0);
  });

  it("caps each stream near its maximum length on publish, whatever the groups", async () => {
    const bus = new RedisEventBus(url, testLogger, base, { maxLen: 10 });
    buses.push(bus);
    await bus.publishAll(
      created,
      Array.from({ length: 1_000 }, (_, i) => snapshot(`v${i}`)),
    );
    // Approximate: Redis drops whole nodes (100 entries by default), never below the cap.
    const length = await raw.xlen(stream);
    expect(length).toBeGreaterThanOrEqual(10);
    expect(length).toBeLessThan(250);
  });

  it("trims a stream with a long history in bounded steps, to the exact boundary", async () => {
    const bus = new RedisEventBus(url, testLogger, base, { retentionMs: 0 });
    buses.push(bus);
    await bus.publishAll(
      created,
      Array.from({ length: 1_050 }, (_, i) => snapshot(`v${i}`)),
    );
    const reader = collect(bus, "reader");
    await until(() => reader.seen.length === 1_050);
    await reader.consumption.stop();
    await bus.publish(created, snapshot("unread"));
    await sleep(10);

    expect(await bus.applyRetention()).toBe(1_050);
    expect(await raw.xlen(stream)).toBe(1);
  });
});
