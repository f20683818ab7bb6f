import type { DomainEvent, VendorSnapshot } from "./catalogue.js";
import type { ConsumeOptions, EventBus } from "./event-bus.js";

/** What the contract may ask of an adapter's factory, beyond the defaults. */
export interface ContractBusOptions {
  retentionMs?: number;
  /** For buses that hand a dead process's unacknowledged events to another (Redis): how soon. */
  claimMinIdleMs?: number;
  claimIntervalMs?: number;
}

export type OpenBus = (options?: ContractBusOptions) => Promise<EventBus>;

export const created = "marketplace.vendor_created";

export const snapshot = (vendorId: string, version = 1): VendorSnapshot => ({
  vendorId,
  name: `Vendor ${vendorId}`,
  cuisines: ["tacos"],
  status: "OPEN",
  version,
  updatedAt: new Date(0).toISOString(),
});

export const vendorOf = (event: DomainEvent): string => (event.payload as VendorSnapshot).vendorId;

export function collect(bus: EventBus, consumer: string, options?: ConsumeOptions) {
  const seen: DomainEvent[] = [];
  const consumption = bus.consume(
    consumer,
    [created],
    (event) => {
      seen.push(event);
    },
    options,
  );
  return { seen, consumption };
}

export async function until(predicate: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(20);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
