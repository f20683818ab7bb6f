import { type EventBus, startOutboxRelay } from "@venta/events";
import { createLogger } from "@venta/kit";
import type { MarketplaceStores } from "@venta/marketplace";

/**
 * Publishes on the bus what a seeding step's writes announced. Marketplace's stores record their
 * events in the outbox with each write; publishing them is the relay's job, done here at the end of
 * each step so the next one (and the services started after the seed) find them on the bus.
 */
export async function publishAnnounced(marketplace: MarketplaceStores, bus: EventBus): Promise<void> {
  const log = createLogger("seed", { level: "warn" });
  const relay = startOutboxRelay({ outbox: marketplace.outbox, bus, log });
  await relay.flush();
  await relay.stop();
  const left = await marketplace.outbox.count();
  if (left > 0) throw new Error(`the event bus did not take ${left} of the seed's events`);
}
