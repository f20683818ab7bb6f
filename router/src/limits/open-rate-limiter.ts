import type { Logger } from "@venta/kit";
import type { RateLimiter } from "./rate-limiter.js";
import { MemoryRateLimiter } from "./rate-limiter.memory.js";
import { RedisRateLimiter } from "./rate-limiter.redis.js";

export interface OpenRateLimiterOptions {
  /** Set when routers scale out: they must share one budget per key, so it lives in Redis. */
  redisUrl?: string | undefined;
  windowMs: number;
  log?: Logger;
}

/** Redis when a URL is given; otherwise in-process, which is exact for a single router. */
export function openRateLimiter({ redisUrl, windowMs, log }: OpenRateLimiterOptions): RateLimiter {
  if (redisUrl) return new RedisRateLimiter(redisUrl, { windowMs, log });
  return new MemoryRateLimiter(windowMs);
}
