import { describe, expect, it } from "vitest";
import { collect, created, type OpenBus, sleep, snapshot, until, vendorOf } from "./event-bus.harness.js";

/** What the bus keeps and what it may discard: part of the event bus contract. */
export function retentionContract(openBus: OpenBus): void {
  describe("retention", () => {
    it("discards old events every consumer has passed, and keeps those one has not", async () => {
      const bus = await openBus({ retentionMs: 0 });
      await bus.publish(created, snapshot("a"));
      const early = collect(bus, "early");
      await until(() => early.seen.length === 1);
      await early.consumption.stop();
      await bus.publishAll(created, [snapshot("b"), snapshot("c")]);
      const reader = collect(bus, "reader");
      await until(() => reader.seen.length === 3);
      await reader.consumption.stop();
      await sleep(10); // older than the retention period, however short

      expect(await bus.applyRetention()).toBe(1);
      expect(await bus.applyRetention()).toBe(0);
      // A new consumer starts from the oldest retained event; "early" still has b and c to read.
      const newcomer = collect(bus, "newcomer");
      await until(() => newcomer.seen.length === 2);
      const back = collect(bus, "early");
      await until(() => back.seen.length === 2);
      await sleep(150);
      expect(newcomer.seen.map(vendorOf)).toEqual(["b", "c"]);
      expect(back.seen.map(vendorOf)).toEqual(["b", "c"]);
    });

    it("keeps recent events for replay even when every consumer has passed them", async () => {
      const bus = await openBus({ retentionMs: 3_600_000 });
      await bus.publish(created, snapshot("a"));
      const reader = collect(bus, "reader");
      await until(() => reader.seen.length === 1);
      await reader.consumption.stop();

      expect(await bus.applyRetention()).toBe(0);
      const newcomer = collect(bus, "newcomer");
      await until(() => newcomer.seen.length === 1);
    });

    it("does not keep events only because a consumer skips their type", async () => {
      const bus = await openBus({ retentionMs: 0 });
      await bus.publish(created, snapshot("a"));
      await bus.publish("location.vendor_location_updated", {
        vendorId: "a",
        lat: 1,
        lng: 2,
        accuracyMeters: null,
        heading: null,
        recordedAt: new Date(0).toISOString(),
      });
      const reader = collect(bus, "vendors-only");
      await until(() => reader.seen.length === 1);
      await reader.consumption.stop();
      await sleep(10);

      expect(await bus.applyRetention()).toBe(2);
    });
  });
}
