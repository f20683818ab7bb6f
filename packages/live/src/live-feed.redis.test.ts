import { randomUUID } from "node:crypto";
import { redisForTests, testLogger } from "@venta/testing";
import { describe, expect, it } from "vitest";
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

  describe("Redis live feed's listening connection", () => {
    it("accepts every listen, including those sent while the connection is still being set up", async () => {
      // The first listen opens the connection; the next ones arrive during its handshake, when a
      // client's own setup commands could otherwise follow a SUBSCRIBE and be refused.
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const feed = new RedisLiveFeed(redisUrl, testLogger, `venta:test:${randomUUID()}:`);
        const listens: Promise<void>[] = [];
        for (let channel = 0; channel < 200; channel += 1) {
          listens.push(feed.listen(`cell-${channel}`));
          await new Promise((resolve) => setImmediate(resolve));
        }
        const refused = (await Promise.allSettled(listens)).filter((listen) => listen.status === "rejected");
        await feed.close();
        expect(refused).toEqual([]);
      }
    });
  });
} else {
  describe.skip("Redis live feed (Redis not reachable)", () => {
    it("needs Redis", () => {});
  });
}
