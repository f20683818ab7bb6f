/**
 * Polls `attempt` every 100 ms until `done` accepts its value or `timeoutMs` passes, then returns the
 * last value, for the caller to assert on: what crosses processes (events, emails, deliveries)
 * arrives some time after the request that caused it.
 */
export async function eventually<T>(
  attempt: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
