import type { DomainEvent, Outbox } from "@venta/events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InboundEventRecord } from "./inbound-event.record.js";
import { ERASED_REASON, type InboundEventsStore } from "./inbound-events.store.js";

export interface OpenedInboundEventsStore {
  store: InboundEventsStore;
  /** The outbox the store records announcements in. */
  outbox: Outbox;
  close(): Promise<void>;
}

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

const received = (eventId: string, overrides: Partial<InboundEventRecord> = {}): InboundEventRecord => ({
  id: `stripe:${eventId}`,
  provider: "STRIPE",
  eventId,
  type: "payment_intent.succeeded",
  body: `{"id":"${eventId}"}`,
  subjectUserId: null,
  receivedAt: at(0),
  status: "PENDING",
  attempts: 0,
  nextAttemptAt: at(0),
  lastError: null,
  processedAt: null,
  ...overrides,
});

const purchase = (id: string, purchaseId: string): DomainEvent => ({
  id,
  type: "payment.purchase_completed",
  payload: {
    purchaseId,
    userId: "u1",
    vendorId: "v1",
    amountMinor: 500,
    currency: "USD",
    at: at(0).toISOString(),
  },
  occurredAt: at(0).toISOString(),
});

/** The behaviour every inbound events store must show; each adapter's test file runs it. */
export function inboundEventsStoreContract(
  adapter: string,
  open: () => Promise<OpenedInboundEventsStore>,
): void {
  describe(`${adapter} inbound webhook events store`, () => {
    let opened: OpenedInboundEventsStore;
    let store: InboundEventsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("stores an event once: a replay changes nothing", async () => {
      expect(await store.insert(received("evt_1"))).toBe(true);
      expect(await store.insert(received("evt_1", { body: "{}", receivedAt: at(5) }))).toBe(false);
      expect(await store.findById("stripe:evt_1")).toEqual(received("evt_1"));
      expect(await store.findById("stripe:nope")).toBeNull();
    });

    it("claims due events once per lease, counting an attempt each time", async () => {
      await store.insert(received("evt_1", { nextAttemptAt: at(2) }));
      await store.insert(received("evt_2", { nextAttemptAt: at(1) }));
      await store.insert(received("evt_3", { nextAttemptAt: at(100) }));
      // The soonest due is taken first when the limit leaves others waiting.
      expect((await store.claimDue(at(10), 1, at(40))).map((e) => [e.eventId, e.attempts])).toEqual([
        ["evt_2", 1],
      ]);
      expect((await store.claimDue(at(10), 5, at(42))).map((e) => [e.eventId, e.attempts])).toEqual([
        ["evt_1", 1],
      ]);
      expect(await store.claimDue(at(20), 5, at(40))).toEqual([]);
      expect((await store.claimDue(at(41), 1, at(80))).map((e) => [e.eventId, e.attempts])).toEqual([
        ["evt_2", 2],
      ]);
    });

    it("hands a due event to only one of several concurrent claims", async () => {
      for (let i = 0; i < 6; i += 1) await store.insert(received(`evt_${i}`));
      const claims = await Promise.all([0, 1, 2].map(() => store.claimDue(at(1), 4, at(30))));
      const ids = claims.flat().map((e) => e.id);
      expect(ids).toHaveLength(6);
      expect(new Set(ids).size).toBe(6);
    });

    it("completes as processed, recording each announced event id in the outbox only once ever", async () => {
      await store.insert(received("evt_1"));
      await store.insert(received("evt_2"));
      const done = await store.complete("stripe:evt_1", {
        status: "PROCESSED",
        events: [purchase("e-1", "pi_1")],
        at: at(3),
      });
      expect(done).toMatchObject({
        status: "PROCESSED",
        processedAt: at(3),
        nextAttemptAt: null,
        lastError: null,
      });
      // A second provider event about the same purchase announces the same event id: not again.
      await store.complete("stripe:evt_2", {
        status: "PROCESSED",
        events: [purchase("e-1", "pi_1"), purchase("e-2", "pi_2")],
        at: at(4),
      });
      expect((await opened.outbox.oldest(10)).map((e) => e.id)).toEqual(["e-1", "e-2"]);
      await store.insert(received("evt_3"));
      expect(
        await store.complete("stripe:evt_3", {
          status: "IGNORED",
          reason: "no purchase metadata",
          at: at(5),
        }),
      ).toMatchObject({ status: "IGNORED", lastError: "no purchase metadata", processedAt: at(5) });
      expect(
        await store.complete("stripe:nope", { status: "IGNORED", reason: "not ours", at: at(1) }),
      ).toBeNull();
    });

    it("keeps a retry's error and time, gives up as FAILED, and an admin's retry starts afresh", async () => {
      await store.insert(received("evt_1"));
      await store.claimDue(at(1), 1, at(30));
      expect(
        await store.complete("stripe:evt_1", {
          status: "PENDING",
          error: "contacts unreachable",
          nextAttemptAt: at(9),
        }),
      ).toMatchObject({
        status: "PENDING",
        lastError: "contacts unreachable",
        nextAttemptAt: at(9),
        attempts: 1,
      });
      expect(await store.retry("stripe:evt_1", at(10))).toBeNull();
      expect(await store.complete("stripe:evt_1", { status: "FAILED", error: "gave up" })).toMatchObject({
        status: "FAILED",
        nextAttemptAt: null,
        lastError: "gave up",
      });
      expect(await store.claimDue(at(100), 5, at(130))).toEqual([]);
      expect(await store.retry("stripe:evt_1", at(10))).toMatchObject({
        status: "PENDING",
        attempts: 0,
        nextAttemptAt: at(10),
      });
      expect((await store.claimDue(at(11), 5, at(40))).map((e) => e.id)).toEqual(["stripe:evt_1"]);
      expect(await opened.outbox.count()).toBe(0);
    });

    it("erases a person's events down to what recognises a replay; unfinished ones are IGNORED", async () => {
      const about = (
        eventId: string,
        subjectUserId: string | null,
        overrides: Partial<InboundEventRecord> = {},
      ) =>
        received(eventId, {
          subjectUserId,
          body: `{"metadata":{"userId":"${subjectUserId}"}}`,
          ...overrides,
        });
      await store.insert(about("evt_done", "zelda"));
      await store.complete("stripe:evt_done", { status: "PROCESSED", events: [], at: at(2) });
      await store.insert(about("evt_pending", "zelda"));
      await store.insert(
        about("evt_failed", "zelda", { status: "FAILED", nextAttemptAt: null, lastError: "bad zelda" }),
      );
      await store.insert(about("evt_other", "bob"));

      expect(await store.eraseSubject("zelda", at(10))).toBe(3);
      expect(await store.findById("stripe:evt_done")).toMatchObject({
        eventId: "evt_done",
        status: "PROCESSED",
        processedAt: at(2),
        body: null,
        subjectUserId: null,
        lastError: null,
      });
      for (const id of ["stripe:evt_pending", "stripe:evt_failed"])
        expect(await store.findById(id)).toMatchObject({
          status: "IGNORED",
          processedAt: at(10),
          nextAttemptAt: null,
          lastError: ERASED_REASON,
          body: null,
          subjectUserId: null,
        });
      // Nothing erased is processed any more; the others' events are untouched.
      expect((await store.claimDue(at(20), 10, at(50))).map((e) => e.id)).toEqual(["stripe:evt_other"]);
      expect(await store.findById("stripe:evt_other")).toMatchObject({
        subjectUserId: "bob",
        body: '{"metadata":{"userId":"bob"}}',
      });
      // Erasing again changes nothing, and a replay is still recognised without storing the body again.
      expect(await store.eraseSubject("zelda", at(30))).toBe(0);
      expect(await store.insert(about("evt_done", "zelda"))).toBe(false);
      expect(await store.findById("stripe:evt_done")).toMatchObject({ body: null, subjectUserId: null });
    });

    it("prunes bodies of events done before a time, keeping unfinished and recent ones", async () => {
      const withSubject = { subjectUserId: "casey" };
      for (const id of ["evt_old", "evt_old_ignored", "evt_recent", "evt_pending", "evt_failed"])
        await store.insert(received(id, withSubject));
      await store.complete("stripe:evt_old", { status: "PROCESSED", events: [], at: at(10) });
      await store.complete("stripe:evt_old_ignored", {
        status: "IGNORED",
        reason: "not a purchase",
        at: at(20),
      });
      await store.complete("stripe:evt_recent", { status: "PROCESSED", events: [], at: at(100) });
      await store.complete("stripe:evt_failed", { status: "FAILED", error: "gave up" });

      expect(await store.pruneBodies(at(50))).toBe(2);
      for (const id of ["stripe:evt_old", "stripe:evt_old_ignored"])
        expect(await store.findById(id)).toMatchObject({ body: null, subjectUserId: null });
      expect((await store.findById("stripe:evt_old_ignored"))?.lastError).toBe("not a purchase");
      for (const id of ["stripe:evt_recent", "stripe:evt_pending", "stripe:evt_failed"])
        expect(await store.findById(id)).toMatchObject({
          body: `{"id":"${id.slice(7)}"}`,
          subjectUserId: "casey",
        });
      expect(await store.pruneBodies(at(50))).toBe(0);
    });

    it("lists newest first, filtered by provider and status, with totals", async () => {
      await store.insert(received("evt_1", { receivedAt: at(1) }));
      await store.insert(received("evt_2", { receivedAt: at(2), status: "FAILED", nextAttemptAt: null }));
      await store.insert(
        received("msg_3", { id: "clerk:msg_3", provider: "CLERK", type: "user.created", receivedAt: at(3) }),
      );
      await store.insert(received("evt_4", { receivedAt: at(4) }));
      const seen: string[] = [];
      let after: { receivedAt: Date; id: string } | undefined;
      for (;;) {
        const page = await store.list({ first: 2, after, provider: "STRIPE" });
        expect(page.totalCount).toBe(3);
        seen.push(...page.records.map((e) => e.id));
        const last = page.records.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { receivedAt: last.receivedAt, id: last.id };
      }
      expect(seen).toEqual(["stripe:evt_4", "stripe:evt_2", "stripe:evt_1"]);
      expect((await store.list({ first: 10, status: "FAILED" })).records.map((e) => e.id)).toEqual([
        "stripe:evt_2",
      ]);
      expect((await store.list({ first: 10 })).totalCount).toBe(4);
    });
  });
}
