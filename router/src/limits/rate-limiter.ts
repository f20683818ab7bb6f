/** What one counted (or refused) request learns about its key's budget. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** ms until the oldest counted hit leaves the window (when the next slot frees) */
  resetMs: number;
}

/**
 * A sliding-window budget per key (a user, a partner API key, an IP): at most `limit` hits in
 * any window of the length the adapter was built with. A refused hit is not counted, so a
 * client that keeps hammering gets back in as soon as its earlier hits age out.
 */
export interface RateLimiter {
  hit(key: string, limit: number): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

/** A limit of 0 refuses everything (a blocked key); anything else must be a whole count. */
export function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`a rate limit must be a whole number ≥ 0, got ${limit}`);
  }
}

export function assertWindow(windowMs: number): void {
  if (!Number.isInteger(windowMs) || windowMs <= 0) {
    throw new RangeError(`a rate limit window must be a whole number of ms > 0, got ${windowMs}`);
  }
}
