import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";
import type { EventBus } from "./event-bus.js";
import { RedisEventBus } from "./event-bus.redis.js";
import { SqliteEventBus } from "./event-bus.sqlite.js";

export interface EventBusConfig {
  REDIS_URL?: string | undefined;
  DATA_DIR: string;
}

/** Redis Streams when `REDIS_URL` is set; otherwise an event log file shared by local processes. */
export function openEventBus(config: EventBusConfig, log: Logger): EventBus {
  if (config.REDIS_URL) return new RedisEventBus(config.REDIS_URL, log);
  mkdirSync(config.DATA_DIR, { recursive: true });
  return new SqliteEventBus(join(config.DATA_DIR, "events.db"), log);
}
