import { performance } from "node:perf_hooks";
import { assertLimit, assertWindow, type RateLimitDecision, type RateLimiter } from "./rate-limiter.js";

/**
 * The in-process sliding window for a single router without Redis. Each key keeps the times
 * of its counted hits, oldest first; keys with nothing left in the window are dropped.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly windowMs: number) {
    assertWindow(windowMs);
    // Pruning on access misses keys that are never hit again (one-off IPs): the sweep drops
    // those, so memory follows the clients of the last window or two, not every one ever seen.
    this.sweeper = setInterval(() => this.sweep(), windowMs);
    this.sweeper.unref();
  }

  async hit(key: string, limit: number): Promise<RateLimitDecision> {
    assertLimit(limit);
    // Monotonic, so a wall-clock adjustment neither frees nor freezes anyone's budget.
    const now = performance.now();
    const times = this.live(key, now);
    const allowed = times.length < limit;
    if (allowed) times.push(now);
    if (times.length > 0) this.hits.set(key, times);
    else this.hits.delete(key);
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - times.length),
      resetMs: resetMs(times, allowed, limit, now, this.windowMs),
    };
  }

  /** How many keys are held: for tests, and to watch memory. */
  get size(): number {
    return this.hits.size;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.hits.clear();
  }

  /** The key's hits still inside the window ending now. */
  private live(key: string, now: number): number[] {
    const times = this.hits.get(key) ?? [];
    const cutoff = now - this.windowMs;
    const firstLive = times.findIndex((time) => time > cutoff);
    if (firstLive === -1) return [];
    return firstLive === 0 ? times : times.slice(firstLive);
  }

  private sweep(): void {
    const cutoff = performance.now() - this.windowMs;
    // Times are in order, so a key whose newest hit is out of the window has nothing left.
    for (const [key, times] of this.hits) {
      if ((times.at(-1) ?? Number.NEGATIVE_INFINITY) <= cutoff) this.hits.delete(key);
    }
  }
}

/**
 * When the next slot frees: normally when the oldest hit leaves; if the key holds more hits
 * than a (since lowered) limit, only once enough of them have left.
 */
function resetMs(times: number[], allowed: boolean, limit: number, now: number, windowMs: number): number {
  const freeing = times[allowed ? 0 : times.length - limit];
  // Whole ms, as the Redis adapter reports.
  return freeing === undefined ? windowMs : Math.max(0, Math.ceil(freeing + windowMs - now));
}
