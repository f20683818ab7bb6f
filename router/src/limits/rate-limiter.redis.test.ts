import { randomUUID } from "node:crypto";
import { deleteRedisKeys, redisForTests, testLogger } from "@venta/testing";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";
import { rateLimiterContract } from "./rate-limiter.contract.js";
import { RedisRateLimiter } from "./rate-limiter.redis.js";

const redisUrl = await redisForTests();

if (redisUrl) {
  const prefix = `venta:test:${randomUUID()}:ratelimit:`;
  afterAll(() => deleteRedisKeys(redisUrl, prefix));

  rateLimiterContract(
    "Redis",
    async (windowMs) => new RedisRateLimiter(redisUrl, { windowMs, prefix, log: testLogger }),
  );

  describe("Redis rate limiter", () => {
    it("shares one budget between routers", async () => {
      const routers = [1, 2, 3].map(() => new RedisRateLimiter(redisUrl, { windowMs: 60_000, prefix }));
      try {
        const decisions = await Promise.all(
          Array.from({ length: 30 }, (_, i) => routers[i % routers.length]?.hit("shared", 10)),
        );
        expect(decisions.filter((d) => d?.allowed)).toHaveLength(10);
      } finally {
        await Promise.all(routers.map((router) => router.close()));
      }
    });

    it("loads its script when Redis lacks it, expires keys with their newest hit, and leaves a given client open", async () => {
      const redis = new Redis(redisUrl);
      try {
        // As after a Redis restart or failover, the script is not cached: EVALSHA must fall back.
        // Simulated, because SCRIPT FLUSH would touch every other user of a shared Redis.
        const evalsha = vi
          .spyOn(redis, "evalsha")
          .mockRejectedValueOnce(new Error("NOSCRIPT No matching script. Please use EVAL."));
        const limiter = new RedisRateLimiter(redis, { windowMs: 5_000, prefix });
        expect((await limiter.hit("expiring", 3)).allowed).toBe(true);
        expect(evalsha).toHaveBeenCalledOnce();
        const ttl = await redis.pttl(`${prefix}expiring`);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(5_000);
        await limiter.close();
        expect(await redis.ping()).toBe("PONG");
      } finally {
        redis.disconnect();
      }
    });
  });
} else {
  describe.skip("Redis rate limiter (Redis not reachable)", () => {
    it("needs Redis", () => {});
  });
}
