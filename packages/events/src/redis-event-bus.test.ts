import { randomUUID } from "node:crypto";
import { redisForTests, testLogger } from "@venta/testing";
import { describe, it } from "vitest";
import { eventBusContract } from "./event-bus.contract.js";
import { RedisEventBus } from "./redis-event-bus.js";

const redisUrl = await redisForTests();

if (redisUrl) {
  eventBusContract(
    "Redis Streams",
    async () => new RedisEventBus(redisUrl, testLogger, `venta:test:${randomUUID()}`),
  );
} else {
  describe.skip("Redis Streams event bus (Redis not reachable)", () => {
    it("needs Redis", () => {});
  });
}
