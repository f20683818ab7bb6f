import { describe, expect, it } from "vitest";
import { collect, created, type OpenBus, snapshot, until } from "./event-bus.harness.js";
import type { ConsumerStats, EventBus } from "./event-bus.js";

async function statsOf(bus: EventBus, consumer: string): Promise<ConsumerStats | undefined> {
  return (await bus.stats()).find((stats) => stats.consumer === consumer);
}

/** What a health or metrics endpoint can learn from the bus: part of the event bus contract. */
export function statsContract(openBus: OpenBus): void {
  describe("stats", () => {
    it("reports each consumer's lag, pending events and dead letters", async () => {
      const bus = await openBus();
      await bus.publish(created, snapshot("a"));
      const watcher = collect(bus, "watcher");
      await until(() => watcher.seen.length === 1);
      await watcher.consumption.stop();
      await bus.publishAll(created, [snapshot("b"), snapshot("c")]);
      const doomed = bus.consume(
        "doomed",
        [created],
        () => {
          throw new Error("never works");
        },
        { maxAttempts: 1 },
      );
      await until(async () => (await statsOf(bus, "doomed"))?.deadLetters === 3);
      await doomed.stop();

      expect(await statsOf(bus, "watcher")).toEqual({
        consumer: "watcher",
        lag: 2,
        pending: 0,
        deadLetters: 0,
      });
      expect(await statsOf(bus, "doomed")).toEqual({
        consumer: "doomed",
        lag: 0,
        pending: 0,
        deadLetters: 3,
      });

      // Redriven letters are owed to the consumer again: they count as lag until it has them.
      await bus.redrive("doomed");
      expect(await statsOf(bus, "doomed")).toEqual({
        consumer: "doomed",
        lag: 3,
        pending: 0,
        deadLetters: 0,
      });
    });

    it("knows a consumer from the moment it starts, before any event", async () => {
      const bus = await openBus();
      bus.consume("fresh", [created], () => {});
      await until(async () => (await statsOf(bus, "fresh")) !== undefined);
      expect(await statsOf(bus, "fresh")).toEqual({ consumer: "fresh", lag: 0, pending: 0, deadLetters: 0 });
    });
  });
}
