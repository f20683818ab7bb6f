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
