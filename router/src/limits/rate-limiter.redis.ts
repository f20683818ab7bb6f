import { createHash, randomUUID } from "node:crypto";
import type { Logger } from "@venta/kit";
import { Redis } from "ioredis";
import { assertLimit, assertWindow, type RateLimitDecision, type RateLimiter } from "./rate-limiter.js";
import { SLIDING_WINDOW_LUA } from "./sliding-window.lua.js";

export interface RedisRateLimiterOptions {
  windowMs: number;
  /** Prepended to every key; tests give their own so they can clean up after themselves. */
  prefix?: string;
  /** Where connection errors go, for a client this limiter opens itself. */
  log?: Logger;
}

const SCRIPT_SHA = createHash("sha1").update(SLIDING_WINDOW_LUA).digest("hex");

/**
 * The sliding window in Redis, shared by every router: one sorted set of hit times per key,
 * checked and updated by one script so concurrent hits from many routers never overshoot.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;
  /** Only a client this limiter opened is its to close; a given one belongs to the caller. */
  private readonly owned: boolean;
  private readonly windowMs: number;
  private readonly prefix: string;
  // Members must be unique per hit even when two routers hit one key in the same ms.
  private readonly instance = randomUUID();
  private sequence = 0;
  private closed = false;

  constructor(
    redis: string | Redis,
    { windowMs, prefix = "venta:ratelimit:", log }: RedisRateLimiterOptions,
  ) {
    assertWindow(windowMs);
    this.windowMs = windowMs;
    this.prefix = prefix;
    this.owned = typeof redis === "string";
    if (typeof redis === "string") {
      // Every request waits on this check: a stuck Redis must fail it quickly, not hang it. Not
      // auto-pipelined: ioredis keeps one auto-pipeline in flight at a time, which queues the
      // checks of many requests behind each other.
      this.redis = new Redis(redis, { maxRetriesPerRequest: 3, commandTimeout: 1_000 });
      this.redis.on("error", (error) => log?.warn({ err: error }, "rate limiter redis connection error"));
    } else {
      this.redis = redis;
    }
  }

  async hit(key: string, limit: number): Promise<RateLimitDecision> {
    assertLimit(limit);
    const args = [this.prefix + key, this.windowMs, limit, `${this.instance}:${++this.sequence}`];
    const [allowed, count, resetMs] = parseReply(await this.run(args));
    return { allowed: allowed === 1, limit, remaining: Math.max(0, limit - count), resetMs };
  }

  async close(): Promise<void> {
    if (this.closed || !this.owned) return;
    this.closed = true;
    if (this.redis.status === "ready") await this.redis.quit();
    else this.redis.disconnect();
  }

  /** EVALSHA saves sending the script each time; EVAL loads it when Redis does not have it. */
  private async run(args: (string | number)[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(SCRIPT_SHA, 1, ...args);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith("NOSCRIPT"))) throw error;
      return this.redis.eval(SLIDING_WINDOW_LUA, 1, ...args);
    }
  }
}

function parseReply(reply: unknown): [allowed: number, count: number, resetMs: number] {
  if (Array.isArray(reply) && reply.length === 3 && reply.every((n) => typeof n === "number")) {
    return reply as [number, number, number];
  }
  throw new Error(`unexpected rate limiter script reply: ${JSON.stringify(reply)}`);
}
