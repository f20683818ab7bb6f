import { afterEach, describe, expect, it } from "vitest";
import type { DomainEvent } from "./catalogue.js";
import { created, snapshot } from "./event-bus.harness.js";
import { newEvent, type Outbox } from "./outbox.js";

/** An outbox over a fresh database, with the adapter's own way of writing in a transaction. */
export interface OpenedOutbox {
  outbox: Outbox;
  /** Commits a transaction that records `events`. */
  commit(events: readonly DomainEvent[]): Promise<void>;
  /** Runs a transaction that records `events`, then fails: nothing may be left. */
  rollBack(events: readonly DomainEvent[]): Promise<void>;
  close(): Promise<void>;
}

const made = (...vendorIds: string[]) => vendorIds.map((id) => newEvent(created, snapshot(id)));

/** The behaviour every outbox adapter must show; each adapter's test file runs it. */
export function outboxContract(name: string, open: () => Promise<OpenedOutbox>): void {
  describe(`${name} outbox`, () => {
    const opened: OpenedOutbox[] = [];
    const openOutbox = async () => {
      const outbox = await open();
      opened.push(outbox);
      return outbox;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((o) => o.close()));
    });

    it("keeps committed events exactly as made, in the order written", async () => {
      const { outbox, commit } = await openOutbox();
      const first = made("a", "b");
      const second = made("c");
      await commit(first);
      await commit(second);
      expect(await outbox.oldest(10)).toEqual([...first, ...second]);
      expect(await outbox.oldest(2)).toEqual(first);
      expect(await outbox.count()).toBe(3);
    });

    it("tells when its oldest waiting event happened, and nothing once it is empty", async () => {
      const { outbox, commit } = await openOutbox();
      expect(await outbox.oldestOccurredAt()).toBeNull();
      const first = newEvent(created, snapshot("a"), new Date("2026-01-02T03:04:05.000Z"));
      const second = newEvent(created, snapshot("b"), new Date("2026-01-01T00:00:00.000Z"));
      await commit([first]);
      await commit([second]);
      // The first written waits longest, whatever the times its events carry.
      expect(await outbox.oldestOccurredAt()).toBe(first.occurredAt);
      await outbox.remove([first.id, second.id]);
      expect(await outbox.oldestOccurredAt()).toBeNull();
    });

    it("keeps nothing of a transaction that failed", async () => {
      const { outbox, rollBack } = await openOutbox();
      await expect(rollBack(made("a"))).rejects.toThrow();
      expect(await outbox.count()).toBe(0);
    });

    it("forgets removed events only", async () => {
      const { outbox, commit } = await openOutbox();
      const events = made("a", "b", "c");
      await commit(events);
      await outbox.remove([events[0]?.id ?? "", events[2]?.id ?? ""]);
      expect(await outbox.oldest(10)).toEqual([events[1]]);
    });

    it("wakes listeners after a commit that recorded events", async () => {
      const { outbox, commit } = await openOutbox();
      let woken = 0;
      const unsubscribe = outbox.onRecorded(() => {
        woken += 1;
      });
      await commit(made("a"));
      await new Promise((resolve) => setImmediate(resolve));
      expect(woken).toBe(1);
      unsubscribe();
      await commit(made("b"));
      await new Promise((resolve) => setImmediate(resolve));
      expect(woken).toBe(1);
    });

    it("leases the relay to one owner at a time, until released or run out", async () => {
      const { outbox } = await openOutbox();
      expect(await outbox.acquire("one", 60_000)).toBe(true);
      expect(await outbox.acquire("two", 60_000)).toBe(false);
      expect(await outbox.acquire("one", 60_000)).toBe(true);
      await outbox.release("two");
      expect(await outbox.acquire("two", 60_000)).toBe(false);
      await outbox.release("one");
      expect(await outbox.acquire("two", 1)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await outbox.acquire("one", 60_000)).toBe(true);
    });
  });
}
