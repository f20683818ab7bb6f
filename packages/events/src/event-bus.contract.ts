import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { batchConsumptionContract } from "./batch-consumption.contract.js";
import { deadLetterContract } from "./dead-letters.contract.js";
import { collect, created, type OpenBus, sleep, snapshot, until, vendorOf } from "./event-bus.harness.js";
import type { EventBus } from "./event-bus.js";
import { histogramCount } from "./metric-samples.harness.js";
import { newEvent } from "./outbox.js";
import { retentionContract } from "./retention.contract.js";
import { statsContract } from "./stats.contract.js";

/** The behaviour every event bus adapter must show; each adapter's test file runs it. */
export function eventBusContract(name: string, open: OpenBus): void {
  describe(`${name} event bus`, () => {
    const opened: EventBus[] = [];
    const openBus: OpenBus = async (options) => {
      const bus = await open(options);
      opened.push(bus);
      return bus;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((bus) => bus.close()));
    });

    it("delivers the chosen event types in publish order, with validated payloads", async () => {
      const bus = await openBus();
      await bus.publish(created, snapshot("a"));
      await bus.publish("location.vendor_location_updated", {
        vendorId: "a",
        lat: 1,
        lng: 2,
        accuracyMeters: null,
        heading: null,
        recordedAt: new Date(0).toISOString(),
      });
      await bus.publish(created, snapshot("b"));
      const { seen } = collect(bus, "projection");
      await until(() => seen.length === 2);
      expect(seen.map(vendorOf)).toEqual(["a", "b"]);
      expect(seen[0]?.type).toBe(created);
    });

    it("publishes a batch in order", async () => {
      const bus = await openBus();
      await bus.publishAll(created, [snapshot("a"), snapshot("b"), snapshot("c")]);
      const { seen } = collect(bus, "batch");
      await until(() => seen.length === 3);
      expect(seen.map(vendorOf)).toEqual(["a", "b", "c"]);
      expect(new Set(seen.map((e) => e.id)).size).toBe(3);
    });

    it("publishes events made beforehand in order, keeping their ids and times", async () => {
      const bus = await openBus();
      const made = ["a", "b", "c"].map((vendorId) => newEvent(created, snapshot(vendorId), new Date(1_000)));
      await bus.publishEvents(made);
      const { seen } = collect(bus, "premade");
      await until(() => seen.length === 3);
      expect(seen).toEqual(made);
    });

    it("resumes after the last acknowledged event when a consumer comes back", async () => {
      const bus = await openBus();
      await bus.publish(created, snapshot("a"));
      const first = collect(bus, "resumer");
      await until(() => first.seen.length === 1);
      await first.consumption.stop();
      await bus.publish(created, snapshot("b"));
      const second = collect(bus, "resumer");
      await until(() => second.seen.length === 1);
      await sleep(150);
      expect(second.seen.map(vendorOf)).toEqual(["b"]);
    });

    it("gives every consumer name its own copy of each event", async () => {
      const bus = await openBus();
      await bus.publish(created, snapshot("a"));
      const one = collect(bus, "one");
      const two = collect(bus, "two");
      await until(() => one.seen.length === 1 && two.seen.length === 1);
      expect(one.seen[0]?.id).toBe(two.seen[0]?.id);
    });

    it("redelivers an event whose handler failed", async () => {
      const bus = await openBus();
      await bus.publish(created, snapshot("a"));
      let calls = 0;
      bus.consume("flaky", [created], () => {
        calls += 1;
        if (calls === 1) throw new Error("transient");
      });
      await until(() => calls === 2);
      expect(calls).toBe(2);
      expect(await bus.deadLetters("flaky")).toEqual([]);
    });

    it("records, per consumer, each handled event's delay since the bus took it", async () => {
      const bus = await openBus();
      const delays = (consumer: string) =>
        histogramCount("venta_event_bus_delivery_delay_seconds", { consumer });
      const single = `delays-${randomUUID()}`;
      const batched = `batched-delays-${randomUUID()}`;
      await bus.publishEvents(["a", "b"].map((id) => newEvent(created, snapshot(id))));
      await bus.publishAll(created, [snapshot("c")]);
      await bus.publish(created, snapshot("d"));
      const { seen } = collect(bus, single);
      let handled = 0;
      bus.consumeBatches(batched, [created], (events) => {
        handled += events.length;
      });
      await until(() => seen.length === 4 && handled === 4);
      // Observed before the acknowledgement, so by the time the handler's effect shows.
      await until(async () => (await delays(single)) === 4 && (await delays(batched)) === 4);
    });

    it("answers a ping", async () => {
      const bus = await openBus();
      await expect(bus.ping()).resolves.toBeUndefined();
    });

    batchConsumptionContract(openBus);
    deadLetterContract(openBus);
    retentionContract(openBus);
    statsContract(openBus);
  });
}
