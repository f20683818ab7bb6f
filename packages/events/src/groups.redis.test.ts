import { randomUUID } from "node:crypto";
import { deleteRedisKeys, redisForTests, testLogger } from "@venta/testing";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { collect, created, snapshot, until, vendorOf } from "./event-bus.harness.js";
import { RedisEventBus } from "./event-bus.redis.js";

const redisUrl = await redisForTests();
const prefix = `venta:test:${randomUUID()}`;

describe.skipIf(!redisUrl)("Redis Streams event bus: lost consumer groups", () => {
  const url = redisUrl ?? "";
  afterAll(() => deleteRedisKeys(url, prefix));

  it("recreates its groups when Redis lost the streams, instead of failing forever", async () => {
    const base = `${prefix}:${randomUUID()}`;
    const bus = new RedisEventBus(url, testLogger, base);
    const raw = new Redis(url);
    try {
      await bus.publish(created, snapshot("a"));
      const { seen } = collect(bus, "survivor");
      await until(() => seen.length === 1);
      // What a Redis restarted without persistence (or a careless FLUSHALL) looks like.
      await raw.del(`${base}:marketplace`, `${base}:redrive:survivor`);
      await bus.publish(created, snapshot("b"));
      await until(() => seen.length === 2);
      expect(seen.map(vendorOf)).toEqual(["a", "b"]);
    } finally {
      await bus.close();
      raw.disconnect();
    }
  });
});
