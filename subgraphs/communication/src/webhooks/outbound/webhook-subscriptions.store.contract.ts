import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WebhookSubscriptionRecord } from "./webhook-subscription.record.js";
import type { WebhookSubscriptionsStore } from "./webhook-subscriptions.store.js";

export interface OpenedWebhookSubscriptionsStore {
  store: WebhookSubscriptionsStore;
  close(): Promise<void>;
}

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

export const subscriptionFixture = (
  id: string,
  overrides: Partial<WebhookSubscriptionRecord> = {},
): WebhookSubscriptionRecord => ({
  id,
  partnerKeyId: "key-1",
  url: "https://partner.example/hooks",
  eventTypes: ["vendor.updated"],
  description: null,
  status: "ACTIVE",
  disabledReason: null,
  disabledAt: null,
  secret: `whsec_${id}`,
  previousSecret: null,
  previousSecretExpiresAt: null,
  consecutiveFailures: 0,
  createdAt: at(0),
  updatedAt: at(0),
  ...overrides,
});

/** The behaviour every webhook subscriptions store must show; each adapter's test file runs it. */
export function webhookSubscriptionsStoreContract(
  adapter: string,
  open: () => Promise<OpenedWebhookSubscriptionsStore>,
): void {
  describe(`${adapter} webhook subscriptions store`, () => {
    let opened: OpenedWebhookSubscriptionsStore;
    let store: WebhookSubscriptionsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("stores a subscription and reads it back whole", async () => {
      const record = subscriptionFixture("s1", {
        eventTypes: ["vendor.updated", "review.published"],
        description: "city guide",
      });
      await store.insert(record);
      expect(await store.findById("s1")).toEqual(record);
      expect(await store.findById("nope")).toBeNull();
    });

    it("lists newest first, per partner or all, a page at a time with a total", async () => {
      for (let i = 1; i <= 5; i += 1)
        await store.insert(
          subscriptionFixture(`s${i}`, { createdAt: at(i), partnerKeyId: i % 2 ? "key-1" : "key-2" }),
        );
      const seen: string[] = [];
      let after: { createdAt: Date; id: string } | undefined;
      for (;;) {
        const page = await store.list({ first: 2, after });
        expect(page.totalCount).toBe(5);
        seen.push(...page.records.map((r) => r.id));
        const last = page.records.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { createdAt: last.createdAt, id: last.id };
      }
      expect(seen).toEqual(["s5", "s4", "s3", "s2", "s1"]);
      const mine = await store.list({ first: 10, partnerKeyId: "key-1" });
      expect(mine.records.map((r) => r.id)).toEqual(["s5", "s3", "s1"]);
      expect(mine.totalCount).toBe(3);
    });

    it("finds the active subscriptions of an event type only", async () => {
      await store.insert(subscriptionFixture("a", { eventTypes: ["vendor.updated", "review.published"] }));
      await store.insert(subscriptionFixture("b", { eventTypes: ["review.published"] }));
      await store.insert(subscriptionFixture("c", { eventTypes: ["review.published"], status: "DISABLED" }));
      expect((await store.activeFor("review.published")).map((r) => r.id).sort()).toEqual(["a", "b"]);
      expect((await store.activeFor("vendor.updated")).map((r) => r.id)).toEqual(["a"]);
      expect(await store.activeFor("geofence.triggered")).toEqual([]);
    });

    it("updates only the fields given", async () => {
      await store.insert(subscriptionFixture("s1", { description: "old" }));
      const updated = await store.update("s1", { url: "https://new.example/h" }, at(9));
      expect(updated).toMatchObject({ url: "https://new.example/h", description: "old", updatedAt: at(9) });
      expect(
        await store.update("s1", { description: null, eventTypes: ["geofence.triggered"] }, at(10)),
      ).toMatchObject({
        url: "https://new.example/h",
        description: null,
        eventTypes: ["geofence.triggered"],
      });
      expect(await store.update("nope", { url: "https://x.example" }, at(9))).toBeNull();
    });

    it("disables once, keeping the first reason, and enables with a clean failure count", async () => {
      await store.insert(subscriptionFixture("s1", { consecutiveFailures: 4 }));
      expect(await store.disable("s1", "BY_OWNER", at(5))).toMatchObject({
        status: "DISABLED",
        disabledReason: "BY_OWNER",
        disabledAt: at(5),
      });
      expect(await store.disable("s1", "FAILING", at(6))).toMatchObject({
        disabledReason: "BY_OWNER",
        disabledAt: at(5),
      });
      expect(await store.enable("s1", at(7))).toMatchObject({
        status: "ACTIVE",
        disabledReason: null,
        disabledAt: null,
        consecutiveFailures: 0,
      });
      expect(await store.enable("nope", at(7))).toBeNull();
      expect(await store.disable("nope", "BY_OWNER", at(7))).toBeNull();
    });

    it("disables every subscription of a revoked key for good, once, and leaves other keys alone", async () => {
      await store.insert(subscriptionFixture("s1"));
      await store.insert(subscriptionFixture("s2"));
      await store.insert(subscriptionFixture("s3", { partnerKeyId: "key-2" }));
      await store.disable("s2", "FAILING", at(5));
      expect(await store.disableForRevokedKey("key-1", at(10))).toBe(2);
      expect(await store.findById("s1")).toMatchObject({
        status: "DISABLED",
        disabledReason: "KEY_REVOKED",
        disabledAt: at(10),
      });
      // Already off: it takes the final reason and keeps the time it stopped.
      expect(await store.findById("s2")).toMatchObject({ disabledReason: "KEY_REVOKED", disabledAt: at(5) });
      expect(await store.findById("s3")).toMatchObject({ status: "ACTIVE", disabledReason: null });
      expect(await store.disableForRevokedKey("key-1", at(20))).toBe(0);
      expect((await store.findById("s1"))?.disabledAt).toEqual(at(10));
      expect((await store.activeFor("vendor.updated")).map((s) => s.id)).toEqual(["s3"]);
      // Enabling is refused in the write itself; a later disable keeps the final reason.
      expect(await store.enable("s1", at(30))).toMatchObject({
        status: "DISABLED",
        disabledReason: "KEY_REVOKED",
      });
      expect(await store.disable("s1", "BY_OWNER", at(31))).toMatchObject({ disabledReason: "KEY_REVOKED" });
    });

    it("rotates the secret, keeping the old one with its expiry", async () => {
      await store.insert(subscriptionFixture("s1", { secret: "whsec_old" }));
      expect(await store.rotateSecret("s1", "whsec_new", at(100), at(1))).toMatchObject({
        secret: "whsec_new",
        previousSecret: "whsec_old",
        previousSecretExpiresAt: at(100),
      });
      expect(await store.rotateSecret("s1", "whsec_newer", at(200), at(2))).toMatchObject({
        secret: "whsec_newer",
        previousSecret: "whsec_new",
      });
      expect(await store.rotateSecret("nope", "whsec_x", at(1), at(1))).toBeNull();
    });

    it("counts failures in a row, disabling exactly once at the threshold, and a success resets", async () => {
      await store.insert(subscriptionFixture("s1"));
      expect(await store.recordOutcome("s1", false, 3, at(1))).toEqual({
        consecutiveFailures: 1,
        disabledNow: false,
      });
      expect(await store.recordOutcome("s1", true, 3, at(2))).toEqual({
        consecutiveFailures: 0,
        disabledNow: false,
      });
      const outcomes = await Promise.all(
        [0, 1, 2, 3].map((i) => store.recordOutcome("s1", false, 3, at(3 + i))),
      );
      expect(outcomes.filter((o) => o?.disabledNow)).toHaveLength(1);
      expect(await store.findById("s1")).toMatchObject({
        status: "DISABLED",
        disabledReason: "FAILING",
        consecutiveFailures: 4,
      });
      expect(await store.recordOutcome("nope", false, 3, at(9))).toBeNull();
    });

    it("removes a subscription once", async () => {
      await store.insert(subscriptionFixture("s1"));
      expect(await store.remove("s1")).toBe(true);
      expect(await store.remove("s1")).toBe(false);
      expect(await store.findById("s1")).toBeNull();
    });
  });
}
