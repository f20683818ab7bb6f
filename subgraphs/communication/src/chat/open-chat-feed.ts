import type { Logger } from "@venta/kit";
import type { ChatFeed } from "./chat-feed.js";
import { MemoryChatFeed } from "./chat-feed.memory.js";
import { RedisChatFeed } from "./chat-feed.redis.js";

/** Redis pub/sub when `REDIS_URL` is set, so every process's subscribers hear; otherwise in-process. */
export function openChatFeed(config: { REDIS_URL?: string | undefined }, log: Logger): ChatFeed {
  return config.REDIS_URL ? new RedisChatFeed(config.REDIS_URL, log) : new MemoryChatFeed();
}
