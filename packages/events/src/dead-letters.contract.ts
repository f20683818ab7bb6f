import { describe, expect, it } from "vitest";
import type { VendorSnapshot } from "./catalogue.js";
import { collect, created, type OpenBus, sleep, snapshot, until, vendorOf } from "./event-bus.harness.js";
import type { EventBus } from "./event-bus.js";

/** A consumer that fails on vendor "poison" while `broken` says so, recording what it handled. */
function fussy(bus: EventBus, consumer: string, maxAttempts: number) {
  const state = { broken: true, seen: [] as string[], poisonCalls: 0 };
  const consumption = bus.consume(
    consumer,
    [created],
    (event) => {
      const vendorId = vendorOf(event);
      if (vendorId === "poison") {
        state.poisonCalls += 1;
        if (state.broken) throw new Error("cannot digest poison");
      }
      state.seen.push(vendorId);
    },
    { maxAttempts },
  );
  return { state, consumption };
}

/** Poison events, dead letters and redrive: part of the event bus contract. */
export function deadLetterContract(openBus: OpenBus): void {
  describe("dead letters", () => {
    it("sets a poison event aside after the maximum attempts, while later events still flow", async () => {
      const bus = await openBus();
      await bus.publish(created, snapshot("a"));
      const poison = await bus.publish(created, snapshot("poison"));
      await bus.publish(created, snapshot("c"));
      const { state } = fussy(bus, "picky", 3);
      await until(() => state.seen.length === 2);
      expect(state.seen).toEqual(["a", "c"]);
      expect(state.poisonCalls).toBe(3);

      const letters = await bus.deadLetters("picky");
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({
        consumer: "picky",
        error: "cannot digest poison",
        attempts: 3,
        event: {
          id: poison.id,
          type: created,
          occurredAt: poison.occurredAt,
          payload: { vendorId: "poison" },
        },
      });
      expect(Number.isNaN(Date.parse(letters[0]?.deadAt ?? ""))).toBe(false);
      expect(await bus.deadLetters("someone-else")).toEqual([]);
    });

    it("sets a malformed event aside at once: retrying cannot make it valid", async () => {
      const bus = await openBus();
      // A publisher bug: the payload breaks the catalogue's rules (vendorId must not be empty).
      const malformed = await bus.publish(created, { ...snapshot("x"), vendorId: "" });
      await bus.publish(created, snapshot("b"));
      const { seen } = collect(bus, "strict");
      await until(() => seen.length === 1);
      expect(seen.map(vendorOf)).toEqual(["b"]);
      const [letter] = await bus.deadLetters("strict");
      expect(letter?.event.id).toBe(malformed.id);
      expect(letter?.attempts).toBe(1);
      expect(letter?.error).toMatch(/^malformed event/);
    });

    it("redrives dead letters to their own consumer only, which handles them again", async () => {
      const bus = await openBus();
      const poison = await bus.publish(created, snapshot("poison"));
      await bus.publish(created, snapshot("a"));
      const healing = fussy(bus, "healing", 2);
      const bystander = collect(bus, "bystander");
      await until(() => healing.state.seen.length === 1 && bystander.seen.length === 2);
      expect(await bus.deadLetters("healing")).toHaveLength(1);

      healing.state.broken = false;
      expect(await bus.redrive("healing")).toBe(1);
      await until(() => healing.state.seen.includes("poison"));
      expect(await bus.deadLetters("healing")).toEqual([]);
      expect(await bus.redrive("healing")).toBe(0);
      await sleep(150);
      // The bystander handled both long ago and is not given the poison event a second time.
      expect(bystander.seen.map(vendorOf)).toEqual(["poison", "a"]);
      expect(bystander.seen[0]?.id).toBe(poison.id);
      expect(healing.state.seen).toEqual(["a", "poison"]);
    });

    it("holds redriven letters for a stopped consumer until it starts again", async () => {
      const bus = await openBus();
      const poison = await bus.publish(created, snapshot("poison"));
      const first = fussy(bus, "restarted", 1);
      await until(async () => (await bus.deadLetters("restarted")).length === 1);
      await first.consumption.stop();

      expect(await bus.redrive("restarted")).toBe(1);
      const again = collect(bus, "restarted");
      await until(() => again.seen.length === 1);
      const [redriven] = again.seen;
      expect(redriven?.id).toBe(poison.id);
      expect((redriven?.payload as VendorSnapshot | undefined)?.name).toBe("Vendor poison");
    });

    it("sets a redriven event aside again when it still fails", async () => {
      const bus = await openBus();
      await bus.publish(created, snapshot("poison"));
      const { state } = fussy(bus, "hopeless", 2);
      await until(async () => (await bus.deadLetters("hopeless")).length === 1);
      expect(await bus.redrive("hopeless")).toBe(1);
      await until(() => state.poisonCalls === 4);
      await until(async () => (await bus.deadLetters("hopeless")).length === 1);
      expect((await bus.deadLetters("hopeless"))[0]).toMatchObject({
        attempts: 2,
        error: "cannot digest poison",
      });
    });
  });
}
