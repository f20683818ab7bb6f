import { randomUUID } from "node:crypto";
import { redisForTests, testLogger } from "@venta/testing";
import { describe, expect, it } from "vitest";
import { chatFeedContract } from "./chat-feed.contract.js";
import { parseChatEvent, RedisChatFeed } from "./chat-feed.redis.js";

const redisUrl = await redisForTests();

if (redisUrl) {
  // Two feeds on one Redis, as two communication processes would open them.
  chatFeedContract("Redis", async () => {
    const prefix = `venta:test:${randomUUID()}:`;
    return {
      publisher: new RedisChatFeed(redisUrl, testLogger, prefix),
      listener: new RedisChatFeed(redisUrl, testLogger, prefix),
    };
  });

  it("opens every stream, including those opened while the listening connection is being set up", async () => {
    // The connection opens with the feed; streams opened during its handshake could otherwise see
    // the client's own setup commands refused after their SUBSCRIBE, failing every pending one.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const feed = new RedisChatFeed(redisUrl, testLogger, `venta:test:${randomUUID()}:`);
      const opened: Promise<unknown>[] = [];
      for (let conversation = 0; conversation < 200; conversation += 1) {
        opened.push(feed.subscribe(`c${conversation}`, "message"));
        await new Promise((resolve) => setImmediate(resolve));
      }
      const refused = (await Promise.allSettled(opened)).filter((open) => open.status === "rejected");
      await feed.close();
      expect(refused).toEqual([]);
    }
  });
} else {
  describe.skip("Redis chat feed (Redis not reachable)", () => {
    it("needs Redis", () => {});
  });
}

describe("chat events on the wire", () => {
  it("ignores what is not a chat event", () => {
    for (const text of [
      "",
      "{",
      "null",
      "[]",
      `{"kind":"message","conversationId":"c1"}`,
      `{"kind":"other","conversationId":"c1"}`,
    ])
      expect(parseChatEvent(text)).toBeNull();
  });
});
