import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NotificationSettingsRecord } from "./notification-settings.record.js";
import type { NotificationSettingsStore } from "./notification-settings.store.js";

export interface OpenedNotificationSettingsStore {
  store: NotificationSettingsStore;
  close(): Promise<void>;
}

const settings = (overrides: Partial<NotificationSettingsRecord> = {}): NotificationSettingsRecord => ({
  userId: "u1",
  locale: "es",
  timeZone: "America/Chicago",
  quietHours: { startMinute: 1320, endMinute: 420 },
  topics: { VENDOR_NEARBY: { push: true, email: false, sms: true } },
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
      const cleared = settings({ locale: null, timeZone: null, quietHours: null, topics: {} });
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
  });
}
