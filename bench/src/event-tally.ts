import type { DeliveredEvent } from "./subscribers.js";

const keyOf = (vendorId: string, recordedAt: string) => `${vendorId} ${recordedAt}`;

/**
 * Matches delivered events to measured updates. An event names its update by vendor and
 * `updatedAt` (the update's `recordedAt`, unique per vendor here), so a late warm-up event or an
 * OFFLINE event never passes for a measured one, and a repeat is counted, not sampled twice.
 */
export class EventTally {
  private readonly measured = new Set<string>();
  private readonly delivered = new Set<string>();
  private readonly heard: Uint8Array;
  /** Receive time − `updatedAt`, in ms, one per (subscription, update). */
  readonly samples: number[] = [];
  duplicates = 0;
  /** Events for no measured update. */
  other = 0;
  /** `performance.now()` of the latest event of any kind. */
  lastEventAt = 0;

  constructor(private readonly subscriptions: number) {
    this.heard = new Uint8Array(subscriptions);
  }

  /** Called before the update is sent, so no event can arrive ahead of its key. */
  expect(vendorId: string, recordedAt: string): void {
    this.measured.add(keyOf(vendorId, recordedAt));
  }

  /** The event's latency sample, or undefined when it is no measured update's first delivery. */
  record(event: DeliveredEvent): number | undefined {
    this.heard[event.subscription] = 1;
    this.lastEventAt = performance.now();
    const key = keyOf(event.vendorId, event.updatedAt);
    if (event.kind === "OFFLINE" || !this.measured.has(key)) {
      this.other += 1;
      return undefined;
    }
    const pair = `${event.subscription} ${key}`;
    if (this.delivered.has(pair)) {
      this.duplicates += 1;
      return undefined;
    }
    this.delivered.add(pair);
    const sample = event.receivedAt - Date.parse(event.updatedAt);
    this.samples.push(sample);
    return sample;
  }

  hasHeard(subscription: number): boolean {
    return this.heard[subscription] === 1;
  }

  /** Subscriptions that have not received any event yet. */
  silent(): number {
    let silent = 0;
    for (let i = 0; i < this.subscriptions; i += 1) if (!this.heard[i]) silent += 1;
    return silent;
  }
}
