import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NotificationSettingsRecord } from "./notification-settings.record.js";
import type { NotificationSettingsStore } from "./notification-settings.store.js";

export interface OpenedNotificationSettingsStore {
  store: NotificationSettingsStore;
  close(): Promise<void>;
}

const day = (n: number) => new Date(Date.UTC(2026, 0, n));
const off = { push: false, email: false, sms: false };
const on = { push: true, email: true, sms: true };

const settings = (overrides: Partial<NotificationSettingsRecord> = {}): NotificationSettingsRecord => ({
  userId: "u1",
  locale: "es",
  timeZone: "America/Chicago",
  quietHours: { startMinute: 1320, endMinute: 420 },
  topics: { VENDOR_NEARBY: { push: true, email: false, sms: true } },
  topicsChangedAt: { VENDOR_NEARBY: new Date(Date.UTC(2026, 0, 1)) },
  updatedAt: new Date(Date.UTC(2026, 0, 1)),
  ...overrides,
});

/** The behaviour every notification settings store must show; each adapter's test file runs it. */
export function notificationSettingsStoreContract(
  adapter: string,
  open: () => Promise<OpenedNotificationSettingsStore>,
): void {
  describe(`${adapter} notification settings store`, () => {
    let opened: OpenedNotificationSettingsStore;
    let store: NotificationSettingsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("keeps what was saved, and replaces it as a whole", async () => {
      expect(await store.find("u1")).toBeNull();
      await store.save(settings());
      expect(await store.find("u1")).toEqual(settings());
      const cleared = settings({
        locale: null,
        timeZone: null,
        quietHours: null,
        topics: {},
        topicsChangedAt: {},
      });
      await store.save(cleared);
      expect(await store.find("u1")).toEqual(cleared);
    });

    it("erases one person's settings only", async () => {
      await store.save(settings());
      await store.save(settings({ userId: "u2" }));
      await store.eraseUser("u1");
      expect(await store.find("u1")).toBeNull();
      expect(await store.find("u2")).toEqual(settings({ userId: "u2" }));
    });
    it("applies topic switches unless the topic changed later, keeping everything else", async () => {
      // Nothing saved yet: the settings are made with just these topics.
      expect(await store.applyTopics("u2", { CHAT_MESSAGE: on }, day(5))).toEqual(["CHAT_MESSAGE"]);
      expect(await store.find("u2")).toEqual({
        userId: "u2",
        locale: null,
        timeZone: null,
        quietHours: null,
        topics: { CHAT_MESSAGE: on },
        topicsChangedAt: { CHAT_MESSAGE: day(5) },
        updatedAt: day(5),
      });

      await store.save(settings());
      // VENDOR_NEARBY changed on day 1: a change from before stays out, one from after goes in.
      expect(await store.applyTopics("u1", { VENDOR_NEARBY: off, PROMOTION: on }, day(0))).toEqual([
        "PROMOTION",
      ]);
      expect((await store.find("u1"))?.topics.VENDOR_NEARBY).toEqual({ push: true, email: false, sms: true });
      expect(await store.applyTopics("u1", { VENDOR_NEARBY: off }, day(3))).toEqual(["VENDOR_NEARBY"]);
      // The same change again is harmless.
      expect(await store.applyTopics("u1", { VENDOR_NEARBY: off }, day(3))).toEqual(["VENDOR_NEARBY"]);
      expect(await store.find("u1")).toEqual({
        ...settings(),
        topics: { VENDOR_NEARBY: off, PROMOTION: on },
        topicsChangedAt: { VENDOR_NEARBY: day(3), PROMOTION: day(0) },
        updatedAt: day(3),
      });
    });
  });
}
