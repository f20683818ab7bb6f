import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DeliveryRecord, NotificationListKey, NotificationRecord } from "./notification.record.js";
import type { NotificationsStore } from "./notifications.store.js";

export interface OpenedNotificationsStore {
  store: NotificationsStore;
  close(): Promise<void>;
}

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

const notification = (id: string, overrides: Partial<NotificationRecord> = {}): NotificationRecord => ({
  id,
  userId: "u1",
  topic: "VENDOR_NEARBY",
  title: "Taco Loco is nearby",
  body: "Taco Loco is 400 m away",
  subjectId: "v1",
  data: { vendorId: "v1" },
  dedupeKey: null,
  createdAt: at(1),
  readAt: null,
  ...overrides,
});

const delivery = (
  id: string,
  notificationId: string,
  overrides: Partial<DeliveryRecord> = {},
): DeliveryRecord => ({
  id,
  notificationId,
  userId: "u1",
  channel: "EMAIL",
  platform: null,
  destination: "dana@example.com",
  title: "Taco Loco is nearby",
  body: "Taco Loco is 400 m away",
  status: "QUEUED",
  attempts: 0,
  lastError: null,
  dueAt: at(1),
  sentAt: null,
  providerMessageId: null,
  createdAt: at(1),
  updatedAt: at(1),
  ...overrides,
});

/** The behaviour every notifications store must show; each adapter's test file runs it. */
export function notificationsStoreContract(
  adapter: string,
  open: () => Promise<OpenedNotificationsStore>,
): void {
  describe(`${adapter} notifications store`, () => {
    let opened: OpenedNotificationsStore;
    let store: NotificationsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("stores a notification with its deliveries and reads both back", async () => {
      const n = notification("n1");
      const push = delivery("d2", "n1", { channel: "PUSH", platform: "IOS", destination: "a".repeat(64) });
      expect(await store.create(n, [delivery("d1", "n1"), push])).toEqual({ notification: n, created: true });
      expect(await store.findById("n1")).toEqual(n);
      expect(await store.deliveriesOf(["n1", "unknown"])).toEqual([delivery("d1", "n1"), push]);
      expect(await store.findDelivery("d2")).toEqual(push);
      expect(await store.findDelivery("nope")).toBeNull();
    });

    it("creates one notification per dedupe key, even when racing", async () => {
      const attempts = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.create(notification(`n${i}`, { dedupeKey: "alert:e1" }), [delivery(`d${i}`, `n${i}`)]),
        ),
      );
      expect(attempts.filter((a) => a.created)).toHaveLength(1);
      const winner = attempts.find((a) => a.created)?.notification.id;
      expect(new Set(attempts.map((a) => a.notification.id))).toEqual(new Set([winner]));
      expect(await store.countByUser("u1")).toBe(1);
      expect(await store.unfinishedDeliveries(100)).toHaveLength(1);
      // The same key for another person is another notification.
      const other = await store.create(notification("x", { userId: "u2", dedupeKey: "alert:e1" }), []);
      expect(other.created).toBe(true);
    });

    it("lists newest first, pages without repeats, and filters unread", async () => {
      for (let n = 1; n <= 7; n += 1) {
        await store.create(notification(`n${n}`, { createdAt: at(Math.floor(n / 2)) }), []);
      }
      await store.create(notification("other", { userId: "u2", createdAt: at(100) }), []);
      const seen: string[] = [];
      let after: NotificationListKey | undefined;
      for (;;) {
        const page = await store.listByUser("u1", 3, after);
        seen.push(...page.records.map((r) => r.id));
        const last = page.records.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { createdAt: last.createdAt, id: last.id };
      }
      expect(seen).toEqual(["n7", "n6", "n5", "n4", "n3", "n2", "n1"]);
      await store.markRead("u1", "n6", at(50));
      const unread = await store.listByUser("u1", 10, undefined, true);
      expect(unread.records.map((r) => r.id)).toEqual(["n7", "n5", "n4", "n3", "n2", "n1"]);
      expect(await store.countByUser("u1")).toBe(7);
      expect(await store.countByUser("u1", true)).toBe(6);
    });

    it("marks read once, only for the owner, and all at once", async () => {
      await store.create(notification("n1"), []);
      await store.create(notification("n2"), []);
      expect(await store.markRead("u2", "n1", at(5))).toBeNull();
      expect(await store.markRead("u1", "missing", at(5))).toBeNull();
      expect((await store.markRead("u1", "n1", at(5)))?.readAt).toEqual(at(5));
      // Reading it again keeps the first time.
      expect((await store.markRead("u1", "n1", at(9)))?.readAt).toEqual(at(5));
      expect(await store.markAllRead("u1", at(10))).toBe(1);
      expect(await store.markAllRead("u1", at(11))).toBe(0);
      expect((await store.findById("n2"))?.readAt).toEqual(at(10));
    });

    it("records attempts on unfinished deliveries only", async () => {
      await store.create(notification("n1"), [
        delivery("d1", "n1"),
        delivery("d2", "n1", { status: "SCHEDULED" }),
      ]);
      const retrying = {
        status: "QUEUED" as const,
        attempts: 1,
        lastError: "503",
        sentAt: null,
        providerMessageId: null,
        updatedAt: at(2),
      };
      expect(await store.recordAttempt("d1", retrying)).toBe(true);
      expect(await store.findDelivery("d1")).toMatchObject({
        status: "QUEUED",
        attempts: 1,
        lastError: "503",
      });
      const sent = {
        status: "SENT" as const,
        attempts: 2,
        lastError: null,
        sentAt: at(3),
        providerMessageId: "m-1",
        updatedAt: at(3),
      };
      expect(await store.recordAttempt("d1", sent)).toBe(true);
      expect(await store.recordAttempt("d1", { ...sent, status: "FAILED", lastError: "late" })).toBe(false);
      expect(await store.findDelivery("d1")).toMatchObject({
        status: "SENT",
        attempts: 2,
        sentAt: at(3),
        providerMessageId: "m-1",
      });
      expect((await store.unfinishedDeliveries(10)).map((d) => d.id)).toEqual(["d2"]);
      expect(await store.unfinishedDeliveries(10, "d2")).toEqual([]);
    });

    it("erases one person's notifications and deliveries only", async () => {
      await store.create(notification("n1"), [delivery("d1", "n1")]);
      await store.create(notification("n2", { userId: "u2" }), [delivery("d2", "n2", { userId: "u2" })]);
      await store.eraseUser("u1");
      expect(await store.findById("n1")).toBeNull();
      expect(await store.findDelivery("d1")).toBeNull();
      expect(await store.findById("n2")).not.toBeNull();
      expect(await store.findDelivery("d2")).not.toBeNull();
    });
    it("erases everyone's notifications of a topic about given subjects, and nothing else", async () => {
      const chat = { topic: "CHAT_MESSAGE" as const, title: "New message", body: "my address is 1 Elm St" };
      await store.create(notification("n1", { ...chat, subjectId: "c1" }), [delivery("d1", "n1")]);
      await store.create(notification("n2", { ...chat, userId: "u2", subjectId: "c1" }), [
        delivery("d2", "n2", { userId: "u2" }),
      ]);
      await store.create(notification("n3", { ...chat, subjectId: "c2" }), [delivery("d3", "n3")]);
      await store.create(notification("n4", { subjectId: "c1" }), [delivery("d4", "n4")]);
      await store.eraseAbout("CHAT_MESSAGE", ["c1", "c9"]);
      await store.eraseAbout("CHAT_MESSAGE", []);
      expect(await store.findById("n1")).toBeNull();
      expect(await store.findById("n2")).toBeNull();
      expect(await store.findDelivery("d1")).toBeNull();
      expect(await store.findDelivery("d2")).toBeNull();
      expect(await store.findById("n3")).not.toBeNull();
      expect(await store.findDelivery("d3")).not.toBeNull();
      // Another topic about the same subject id stays.
      expect(await store.findById("n4")).not.toBeNull();
      expect(await store.findDelivery("d4")).not.toBeNull();
    });
  });
}
