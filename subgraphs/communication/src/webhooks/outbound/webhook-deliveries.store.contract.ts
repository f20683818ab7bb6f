import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WebhookDeliveriesStore } from "./webhook-deliveries.store.js";
import type { WebhookAttemptRecord, WebhookDeliveryRecord } from "./webhook-delivery.record.js";

export interface OpenedWebhookDeliveriesStore {
  store: WebhookDeliveriesStore;
  close(): Promise<void>;
}

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

const delivery = (id: string, overrides: Partial<WebhookDeliveryRecord> = {}): WebhookDeliveryRecord => ({
  id,
  subscriptionId: "sub-1",
  partnerKeyId: "key-1",
  eventId: `evt_${id}`,
  eventType: "vendor.updated",
  body: `{"id":"evt_${id}"}`,
  status: "PENDING",
  attempts: [],
  nextAttemptAt: at(0),
  failureReason: null,
  createdAt: at(0),
  deliveredAt: null,
  ...overrides,
});

const attempt = (number: number, succeeded: boolean, when: Date): WebhookAttemptRecord => ({
  number,
  attemptedAt: when,
  responseStatus: succeeded ? 200 : 503,
  durationMs: 12,
  succeeded,
  error: succeeded ? null : "the endpoint answered 503",
});

/** The behaviour every webhook deliveries store must show; each adapter's test file runs it. */
export function webhookDeliveriesStoreContract(
  adapter: string,
  open: () => Promise<OpenedWebhookDeliveriesStore>,
): void {
  describe(`${adapter} webhook deliveries store`, () => {
    let opened: OpenedWebhookDeliveriesStore;
    let store: WebhookDeliveriesStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("enqueues one delivery per subscription and event, however often asked", async () => {
      expect(await store.enqueue([delivery("d1"), delivery("d2")])).toBe(2);
      expect(await store.enqueue([delivery("d3", { eventId: "evt_d1" }), delivery("d4")])).toBe(1);
      expect(await store.enqueue([delivery("d5", { eventId: "evt_d1", subscriptionId: "sub-2" })])).toBe(1);
      expect(await store.findById("d3")).toBeNull();
      expect(await store.findById("d1")).toEqual(delivery("d1"));
    });

    it("claims due deliveries soonest first, each once until its lease runs out", async () => {
      await store.enqueue([
        delivery("late", { nextAttemptAt: at(50) }),
        delivery("soon", { nextAttemptAt: at(5) }),
        delivery("sooner", { nextAttemptAt: at(1) }),
        delivery("done", { status: "SUCCEEDED", nextAttemptAt: null }),
      ]);
      // The soonest due is taken first when the limit leaves others waiting.
      expect((await store.claimDue(at(10), 1, at(40))).map((d) => d.id)).toEqual(["sooner"]);
      const next = await store.claimDue(at(10), 5, at(42));
      expect(next.map((d) => d.id)).toEqual(["soon"]);
      expect(next[0]?.nextAttemptAt).toEqual(at(42));
      expect(await store.claimDue(at(20), 5, at(60))).toEqual([]);
      expect((await store.claimDue(at(45), 1, at(100))).map((d) => d.id)).toEqual(["sooner"]);
      expect((await store.claimDue(at(55), 5, at(100))).map((d) => d.id).sort()).toEqual(["late", "soon"]);
    });

    it("hands a due delivery to only one of several concurrent claims", async () => {
      await store.enqueue(Array.from({ length: 6 }, (_, i) => delivery(`d${i}`)));
      const claims = await Promise.all([0, 1, 2].map(() => store.claimDue(at(1), 4, at(30))));
      const ids = claims.flat().map((d) => d.id);
      expect(ids).toHaveLength(6);
      expect(new Set(ids).size).toBe(6);
    });

    it("records attempts in order with their outcome", async () => {
      await store.enqueue([delivery("d1")]);
      const retrying = await store.recordAttempt("d1", attempt(1, false, at(1)), {
        status: "PENDING",
        nextAttemptAt: at(61),
      });
      expect(retrying).toMatchObject({ status: "PENDING", nextAttemptAt: at(61), deliveredAt: null });
      const done = await store.recordAttempt("d1", attempt(2, true, at(62)), { status: "SUCCEEDED" });
      expect(done).toMatchObject({ status: "SUCCEEDED", nextAttemptAt: null, deliveredAt: at(62) });
      expect(done?.attempts).toEqual([attempt(1, false, at(1)), attempt(2, true, at(62))]);
      expect(await store.recordAttempt("nope", attempt(1, true, at(1)), { status: "SUCCEEDED" })).toBeNull();
    });

    it("gives up on a subscription's pending deliveries, and retries a failed one", async () => {
      await store.enqueue([
        delivery("d1"),
        delivery("d2"),
        delivery("d3", { status: "SUCCEEDED", nextAttemptAt: null }),
        delivery("other", { subscriptionId: "sub-2" }),
      ]);
      expect(await store.failPending("sub-1", "the subscription was disabled")).toBe(2);
      expect(await store.findById("d1")).toMatchObject({
        status: "FAILED",
        nextAttemptAt: null,
        failureReason: "the subscription was disabled",
      });
      expect(await store.claimDue(at(5), 10, at(30))).toEqual([expect.objectContaining({ id: "other" })]);
      expect(await store.retry("d1", at(7))).toMatchObject({
        status: "PENDING",
        nextAttemptAt: at(7),
        failureReason: null,
      });
      expect(await store.retry("d1", at(8))).toBeNull();
      expect(await store.retry("d3", at(8))).toBeNull();
      expect((await store.claimDue(at(9), 10, at(30))).map((d) => d.id)).toEqual(["d1"]);
    });

    it("gives up on every pending delivery of a partner key, and only those", async () => {
      await store.enqueue([
        delivery("a", { subscriptionId: "sub-1" }),
        delivery("b", { subscriptionId: "sub-2" }),
        delivery("c", { subscriptionId: "sub-3", partnerKeyId: "key-2" }),
        delivery("d", { subscriptionId: "sub-1", status: "SUCCEEDED", nextAttemptAt: null }),
      ]);
      expect(await store.failPendingOfPartnerKey("key-1", "the partner key was revoked")).toBe(2);
      expect(await store.findById("a")).toMatchObject({
        status: "FAILED",
        nextAttemptAt: null,
        failureReason: "the partner key was revoked",
      });
      expect((await store.findById("b"))?.status).toBe("FAILED");
      expect((await store.findById("c"))?.status).toBe("PENDING");
      expect((await store.findById("d"))?.status).toBe("SUCCEEDED");
      expect(await store.failPendingOfPartnerKey("key-1", "the partner key was revoked")).toBe(0);
      expect((await store.claimDue(at(1), 10, at(100))).map((d) => d.id)).toEqual(["c"]);
    });

    it("lists newest first, filtered by subscription, partner and status, with totals", async () => {
      await store.enqueue([
        delivery("d1", { createdAt: at(1) }),
        delivery("d2", { createdAt: at(2), status: "FAILED", nextAttemptAt: null }),
        delivery("d3", { createdAt: at(3), subscriptionId: "sub-2", partnerKeyId: "key-2" }),
        delivery("d4", { createdAt: at(4) }),
      ]);
      const seen: string[] = [];
      let after: { createdAt: Date; id: string } | undefined;
      for (;;) {
        const page = await store.list({ first: 3, after, partnerKeyId: "key-1" });
        expect(page.totalCount).toBe(3);
        seen.push(...page.records.map((d) => d.id));
        const last = page.records.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { createdAt: last.createdAt, id: last.id };
      }
      expect(seen).toEqual(["d4", "d2", "d1"]);
      expect(
        (await store.list({ first: 10, subscriptionId: "sub-1", status: "FAILED" })).records.map((d) => d.id),
      ).toEqual(["d2"]);
      expect((await store.list({ first: 10 })).totalCount).toBe(4);
    });

    it("removes a subscription's deliveries", async () => {
      await store.enqueue([delivery("d1"), delivery("d2"), delivery("other", { subscriptionId: "sub-2" })]);
      expect(await store.removeBySubscription("sub-1")).toBe(2);
      expect((await store.list({ first: 10 })).records.map((d) => d.id)).toEqual(["other"]);
    });
  });
}
