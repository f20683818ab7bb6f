/** How long to wait before the next attempt: exponential, capped, with jitter. */
export interface BackoffPolicy {
  /** The pause after the first failure. */
  baseMs: number;
  /** Each further failure multiplies the pause by this. */
  factor: number;
  /** The longest pause, however many failures. */
  maxMs: number;
  /**
   * Spread of the pause, as a fraction of it (0.2: ±20 %): receivers that failed together, say
   * after an outage, are not all retried in the same second.
   */
  jitter: number;
}

/** The pause after failed attempt number `attempt` (1 for the first failure). */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponential = policy.baseMs * policy.factor ** Math.max(0, attempt - 1);
  const capped = Math.min(exponential, policy.maxMs);
  const spread = 1 - policy.jitter + 2 * policy.jitter * random();
  return Math.max(0, Math.round(capped * spread));
}
