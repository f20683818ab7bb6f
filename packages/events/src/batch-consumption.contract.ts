import { describe, expect, it } from "vitest";
import type { DomainEvent } from "./catalogue.js";
import { created, type OpenBus, snapshot, until, vendorOf } from "./event-bus.harness.js";
import type { BatchHandler, ConsumeOptions, EventBus } from "./event-bus.js";

const moved = (vendorId: string) => ({
  vendorId,
  lat: 1,
  lng: 2,
  accuracyMeters: null,
  heading: null,
  recordedAt: new Date(0).toISOString(),
});

/** Consumes vendor creations in batches, keeping each batch's vendor ids as it was handed over. */
function batches(bus: EventBus, consumer: string, handle?: BatchHandler, options?: ConsumeOptions) {
  const seen: string[][] = [];
  const consumption = bus.consumeBatches(
    consumer,
    [created],
    async (events) => {
      await handle?.(events);
      seen.push(events.map(vendorOf));
    },
    options,
  );
  return { seen, consumption, handled: () => seen.flat() };
}

/** Batch consumption: part of the event bus contract. */
export function batchConsumptionContract(openBus: OpenBus): void {
  describe("batch consumption", () => {
    it("hands over the wanted events of a read together, in publish order, skipping other types", async () => {
      const bus = await openBus();
      await bus.publish(created, snapshot("a"));
      await bus.publish("location.vendor_location_updated", moved("a"));
      await bus.publishAll(created, [snapshot("b"), snapshot("c")]);
      await bus.publish("location.vendor_location_updated", moved("b"));
      await bus.publish(created, snapshot("d"));
      const { seen, handled } = batches(bus, "batched");
      await until(() => handled().length === 4);
      expect(seen).toEqual([["a", "b", "c", "d"]]);

      await bus.publishAll(created, [snapshot("e"), snapshot("f")]);
      await until(() => handled().length === 6);
      expect(handled()).toEqual(["a", "b", "c", "d", "e", "f"]);
    });

    it("sets a poison event aside as a dead letter and handles every other event of its batch, in order", async () => {
      const bus = await openBus();
      await bus.publishAll(
        created,
        ["a", "b", "poison", "c", "d"].map((id) => snapshot(id)),
      );
      const poison = async (events: readonly DomainEvent[]) => {
        if (events.some((event) => vendorOf(event) === "poison")) throw new Error("cannot digest poison");
      };
      const { handled } = batches(bus, "picky", poison, { maxAttempts: 2 });
      await until(() => handled().length === 4);
      expect(handled()).toEqual(["a", "b", "c", "d"]);
      const letters = await bus.deadLetters("picky");
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({
        consumer: "picky",
        error: "cannot digest poison",
        attempts: 2,
        event: { payload: { vendorId: "poison" } },
      });
    });

    it("retries a failed batch whole, without dead letters, when the failure passes", async () => {
      const bus = await openBus();
      await bus.publishAll(created, [snapshot("a"), snapshot("b")]);
      let calls = 0;
      const flaky = () => {
        calls += 1;
        if (calls === 1) throw new Error("transient");
      };
      const { seen, handled } = batches(bus, "flaky-batches", flaky);
      await until(() => handled().length === 2);
      expect(seen).toEqual([["a", "b"]]);
      expect(await bus.deadLetters("flaky-batches")).toEqual([]);
    });

    it("delivers a batch again to the consumer's next process when one dies handling it", async () => {
      const bus = await openBus({ claimMinIdleMs: 100, claimIntervalMs: 50 });
      await bus.publishAll(
        created,
        ["a", "b", "c"].map((id) => snapshot(id)),
      );
      let die: (reason: Error) => void = () => {};
      const dying = new Promise<never>((_, reject) => {
        die = reject;
      });
      let handedToFirst = 0;
      const first = bus.consumeBatches("survivor", [created], async (events) => {
        handedToFirst += events.length;
        await dying;
      });
      await until(() => handedToFirst === 3);
      // The process goes away mid-batch: it never acknowledges what it was handed.
      const stopped = first.stop();
      die(new Error("process died"));
      await stopped;

      await bus.publish(created, snapshot("d"));
      const next = batches(bus, "survivor");
      await until(() => next.handled().length === 4);
      // Redis hands a dead process's events over once they have sat idle, so "d" may come first.
      expect(next.handled().filter((id) => id !== "d")).toEqual(["a", "b", "c"]);
      expect(await bus.deadLetters("survivor")).toEqual([]);
    });
  });
}
