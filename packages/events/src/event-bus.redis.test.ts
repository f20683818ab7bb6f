import { randomUUID } from "node:crypto";
import { deleteRedisKeys, redisForTests, testLogger } from "@venta/testing";
import { afterAll, describe, expect, it } from "vitest";
import { eventBusContract } from "./event-bus.contract.js";
import { created, snapshot, until, vendorOf } from "./event-bus.harness.js";
import { RedisEventBus } from "./event-bus.redis.js";

const redisUrl = await redisForTests();

const prefix = `venta:test:${randomUUID()}`;

if (redisUrl) {
  eventBusContract(
    "Redis Streams",
    async (options) => new RedisEventBus(redisUrl, testLogger, `${prefix}:${randomUUID()}`, options),
  );
  afterAll(() => deleteRedisKeys(redisUrl, prefix));

  describe("Redis Streams consumer linger", () => {
    it("waits after a part-filled read, so events published meanwhile arrive as one batch", async () => {
      const bus = new RedisEventBus(redisUrl, testLogger, `${prefix}:${randomUUID()}`, { lingerMs: 300 });
      const seen: string[][] = [];
      let first: () => void = () => {};
      const firstHandled = new Promise<void>((resolve) => {
        first = resolve;
      });
      const consumption = bus.consumeBatches("lingering", [created], async (events) => {
        seen.push(events.map(vendorOf));
        first();
      });
      try {
        await bus.publish(created, snapshot("a"));
        await firstHandled;
        // Published one by one while the consumer lingers after its one-event read.
        for (const id of ["b", "c", "d", "e"]) await bus.publish(created, snapshot(id));
        await until(() => seen.flat().length === 5);
        expect(seen).toEqual([["a"], ["b", "c", "d", "e"]]);
      } finally {
        await consumption.stop();
        await bus.close();
      }
    });
  });
} else {
  describe.skip("Redis Streams event bus (Redis not reachable)", () => {
    it("needs Redis", () => {});
  });
}
