import type { EventBus } from "@venta/events";

const TIMEOUT_MS = 15_000;
const POLL_MS = 20;

/**
 * Resolves once every event published so far has been handled by these consumers (the SQLite bus
 * moves a consumer's offset after its handler returns); fails after 15 s, naming them.
 */
export async function handledBy(bus: EventBus, consumers: readonly string[]): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const stats = await bus.stats();
    if (consumers.every((name) => stats.find((s) => s.consumer === name)?.lag === 0)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${consumers.join(", ")} to catch up`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
