const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `fire` `count` times at `perSecond`, open loop: a slow answer does not hold back the next
 * call, as one vendor's device does not wait for another's. Resolves with the seconds the calls
 * took to start, once every call has settled; `fire` handles its own failures.
 */
export async function paced(
  count: number,
  perSecond: number,
  fire: (index: number) => Promise<void>,
): Promise<number> {
  const intervalMs = 1000 / perSecond;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < count; index += 1) {
    const wait = started + index * intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(fire(index));
  }
  const seconds = (performance.now() - started) / 1000;
  await Promise.allSettled(inFlight);
  return seconds;
}

/** Polls until `done` holds or `timeoutMs` passes; says which. */
export async function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(25);
  }
  return true;
}

export { sleep };
