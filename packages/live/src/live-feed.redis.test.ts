import { randomUUID } from "node:crypto";
import { redisForTests, testLogger } from "@venta/testing";
import { describe, it } from "vitest";
import { liveFeedContract } from "./live-feed.contract.js";
import { RedisLiveFeed } from "./live-feed.redis.js";

const redisUrl = await redisForTests();

if (redisUrl) {
  liveFeedContract("Redis", async () => {
    const prefix = `venta:test:${randomUUID()}:`;
    return {
      publisher: new RedisLiveFeed(redisUrl, testLogger, prefix),
      listener: new RedisLiveFeed(redisUrl, testLogger, prefix),
    };
  });
} else {
  describe.skip("Redis live feed (Redis not reachable)", () => {
    it("needs Redis", () => {});
  });
}
