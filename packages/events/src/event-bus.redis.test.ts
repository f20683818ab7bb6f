import { randomUUID } from "node:crypto";
import { deleteRedisKeys, redisForTests, testLogger } from "@venta/testing";
import { afterAll, describe, it } from "vitest";
import { eventBusContract } from "./event-bus.contract.js";
import { RedisEventBus } from "./event-bus.redis.js";

const redisUrl = await redisForTests();

const prefix = `venta:test:${randomUUID()}`;

if (redisUrl) {
  eventBusContract(
    "Redis Streams",
    async (options) => new RedisEventBus(redisUrl, testLogger, `${prefix}:${randomUUID()}`, options),
  );
  afterAll(() => deleteRedisKeys(redisUrl, prefix));
} else {
  describe.skip("Redis Streams event bus (Redis not reachable)", () => {
    it("needs Redis", () => {});
  });
}
