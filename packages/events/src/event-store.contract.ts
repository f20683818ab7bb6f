import { afterEach, describe, expect, it } from "vitest";
import type { DomainEvent } from "./catalogue.js";
import { created, snapshot } from "./event-bus.harness.js";
import type { EventStore, StoredEvent } from "./event-store.js";
import { type EveryText, eventStoreErasureContract } from "./event-store-erasure.contract.js";
import { newEvent } from "./outbox.js";

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000);

const favorite = (userId: string, vendorId: string, minutes: number) =>
  newEvent("marketplace.favorite_added", { userId, vendorId, at: at(minutes).toISOString() }, at(minutes));

const eventsOf = (stored: StoredEvent[]) => stored.map((s) => s.event);

/** Every page of a paged read, in order. */
async function allPages(
  read: (after: number | undefined) => Promise<{ events: StoredEvent[]; hasNextPage: boolean }>,
): Promise<StoredEvent[]> {
  const seen: StoredEvent[] = [];
  let after: number | undefined;
  for (;;) {
    const page = await read(after);
    seen.push(...page.events);
    const last = page.events.at(-1);
    if (!page.hasNextPage || !last) return seen;
    after = last.position;
  }
}

/**
 * The behaviour every event store must show; each adapter's test file runs it, with a reader of
 * every text the adapter keeps (for erasure, which must leave none of an erased person's).
 */
export function eventStoreContract(
  name: string,
  open: () => Promise<EventStore>,
  everyText: EveryText,
): void {
  eventStoreErasureContract(name, open, everyText);
  describe(`${name} event store`, () => {
    let store: EventStore;
    const opened: EventStore[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });
    const openStore = async () => {
      store = await open();
      opened.push(store);
      return store;
    };

    it("keeps each event once, exactly as published, however often it is appended", async () => {
      await openStore();
      const first = newEvent(created, snapshot("v1"), at(1));
      const second = favorite("u1", "v1", 2);
      expect(await store.append([first, second])).toBe(2);
      expect(await store.append([second, first])).toBe(0);
      const { events } = await store.query({}, 10);
      expect(eventsOf(events)).toEqual([first, second]);
      expect(events[0]?.position).toBeLessThan(events[1]?.position ?? 0);
    });

    it("appends a batch that repeats stored events, or one event twice, keeping each event once in batch order", async () => {
      await openStore();
      const [a, b, c, d] = [1, 2, 3, 4].map((minute) => favorite("u1", `v${minute}`, minute)) as [
        DomainEvent,
        DomainEvent,
        DomainEvent,
        DomainEvent,
      ];
      expect(await store.append([a, b])).toBe(2);
      // A redelivered batch overlapping what the store has, with an event in it twice.
      expect(await store.append([b, c, a, c, d])).toBe(2);
      const { events } = await store.query({}, 10);
      expect(eventsOf(events)).toEqual([a, b, c, d]);
    });

    it("files events by aggregate, from the catalogue, and pages through one aggregate's history", async () => {
      await openStore();
      const vendorEvents: DomainEvent[] = [];
      for (let version = 1; version <= 5; version += 1) {
        const event = newEvent("marketplace.vendor_updated", snapshot("v1", version), at(version));
        vendorEvents.push(event);
        await store.append([event, favorite(`u${version}`, "v1", version)]);
      }
      await store.append([newEvent(created, snapshot("v2"), at(9))]);
      const history = await allPages((after) => store.eventsFor("vendor", "v1", 2, after));
      expect(eventsOf(history)).toEqual(vendorEvents);
      expect(history.every((s) => s.aggregateType === "vendor" && s.aggregateId === "v1")).toBe(true);
      const person = await store.eventsFor("user", "u3", 10);
      expect(person.events.map((s) => s.event.type)).toEqual(["marketplace.favorite_added"]);
      expect((await store.eventsFor("vendor", "nobody", 10)).events).toEqual([]);
    });

    it("reads by type and time range, paged in append order", async () => {
      await openStore();
      const favorites = [1, 2, 3, 4, 5, 6].map((minute) => favorite("u1", `v${minute}`, minute));
      for (const event of favorites) await store.append([event, newEvent(created, snapshot("x"), at(3))]);
      const ofType = await allPages((after) =>
        store.query({ types: ["marketplace.favorite_added"] }, 4, after),
      );
      expect(eventsOf(ofType)).toEqual(favorites);
      const window = await allPages((after) =>
        store.query({ types: ["marketplace.favorite_added"], from: at(2), to: at(5) }, 2, after),
      );
      expect(eventsOf(window)).toEqual(favorites.slice(1, 4));
      const everything = await store.query({ from: at(3), to: at(4) }, 100);
      expect(everything.events).toHaveLength(7);
    });
  });
}
