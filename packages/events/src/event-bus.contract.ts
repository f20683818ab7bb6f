import { afterEach, describe, expect, it } from "vitest";
import type { DomainEvent, VendorSnapshot } from "./catalogue.js";
import type { EventBus } from "./event-bus.js";

const snapshot = (vendorId: string, version = 1): VendorSnapshot => ({
  vendorId,
  name: `Vendor ${vendorId}`,
  cuisines: ["tacos"],
  status: "OPEN",
  version,
  updatedAt: new Date(0).toISOString(),
});

function collect(bus: EventBus, consumer: string) {
  const seen: DomainEvent[] = [];
  const consumption = bus.consume(consumer, ["marketplace.vendor_created"], (event) => {
    seen.push(event);
  });
  return { seen, consumption };
}

async function until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The behaviour every event bus adapter must show; each adapter's test file runs it. */
export function eventBusContract(name: string, open: () => Promise<EventBus>): void {
  describe(`${name} event bus`, () => {
    const opened: EventBus[] = [];
    const openBus = async () => {
      const bus = await open();
      opened.push(bus);
      return bus;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((bus) => bus.close()));
    });

    it("delivers the chosen event types in publish order, with validated payloads", async () => {
      const bus = await openBus();
      await bus.publish("marketplace.vendor_created", snapshot("a"));
      await bus.publish("location.vendor_location_updated", {
        vendorId: "a",
        lat: 1,
        lng: 2,
        accuracyMeters: null,
        heading: null,
        recordedAt: new Date(0).toISOString(),
      });
      await bus.publish("marketplace.vendor_created", snapshot("b"));
      const { seen } = collect(bus, "projection");
      await until(() => seen.length === 2);
      expect(seen.map((e) => (e.payload as VendorSnapshot).vendorId)).toEqual(["a", "b"]);
      expect(seen[0]?.type).toBe("marketplace.vendor_created");
    });

    it("publishes a batch in order", async () => {
      const bus = await openBus();
      await bus.publishAll("marketplace.vendor_created", [snapshot("a"), snapshot("b"), snapshot("c")]);
      const { seen } = collect(bus, "batch");
      await until(() => seen.length === 3);
      expect(seen.map((e) => (e.payload as VendorSnapshot).vendorId)).toEqual(["a", "b", "c"]);
      expect(new Set(seen.map((e) => e.id)).size).toBe(3);
    });

    it("resumes after the last acknowledged event when a consumer comes back", async () => {
      const bus = await openBus();
      await bus.publish("marketplace.vendor_created", snapshot("a"));
      const first = collect(bus, "resumer");
      await until(() => first.seen.length === 1);
      await first.consumption.stop();
      await bus.publish("marketplace.vendor_created", snapshot("b"));
      const second = collect(bus, "resumer");
      await until(() => second.seen.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(second.seen.map((e) => (e.payload as VendorSnapshot).vendorId)).toEqual(["b"]);
    });

    it("gives every consumer name its own copy of each event", async () => {
      const bus = await openBus();
      await bus.publish("marketplace.vendor_created", snapshot("a"));
      const one = collect(bus, "one");
      const two = collect(bus, "two");
      await until(() => one.seen.length === 1 && two.seen.length === 1);
      expect(one.seen[0]?.id).toBe(two.seen[0]?.id);
    });

    it("redelivers an event whose handler failed", async () => {
      const bus = await openBus();
      await bus.publish("marketplace.vendor_created", snapshot("a"));
      let calls = 0;
      bus.consume("flaky", ["marketplace.vendor_created"], () => {
        calls += 1;
        if (calls === 1) throw new Error("transient");
      });
      await until(() => calls === 2);
      expect(calls).toBe(2);
    });
  });
}
