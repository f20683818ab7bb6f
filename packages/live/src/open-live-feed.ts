import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "@venta/kit";
import type { LiveFeed } from "./live-feed.js";
import { RedisLiveFeed } from "./live-feed.redis.js";
import { SqliteLiveFeed } from "./live-feed.sqlite.js";

/** Redis pub/sub when `REDIS_URL` is set; otherwise a shared file under `DATA_DIR`. */
export function openLiveFeed(
  config: { REDIS_URL?: string | undefined; DATA_DIR: string },
  log: Logger,
): LiveFeed {
  if (config.REDIS_URL) return new RedisLiveFeed(config.REDIS_URL, log);
  mkdirSync(config.DATA_DIR, { recursive: true });
  return new SqliteLiveFeed(join(config.DATA_DIR, "live.db"));
}
