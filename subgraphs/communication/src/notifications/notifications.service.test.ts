import { personViewer } from "@venta/auth";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ContactsPersonalData } from "../contacts/contacts.personal-data.js";
import { ContactsService } from "../contacts/contacts.service.js";
import { NotificationSettingsService } from "../preferences/notification-settings.service.js";
import { type OpenCommunicationStores, openSqlite } from "../stores.js";
import type { DeliveryJobHandler, DeliveryQueue } from "./delivery-queue.js";
import { NotificationsPersonalData } from "./notifications.personal-data.js";
import { NotificationsService } from "./notifications.service.js";
import type { NotificationsStore } from "./notifications.store.js";
import { notified } from "./notified.harness.js";

/** Records what was queued; these tests look at what notify decides, not at sending. */
class QueueRecorder implements DeliveryQueue {
  readonly adapter = "recorder";
  readonly jobs = new Map<string, Date>();
  async enqueue(deliveryId: string, runAt: Date): Promise<void> {
    if (!this.jobs.has(deliveryId)) this.jobs.set(deliveryId, runAt);
  }
  process(_handler: DeliveryJobHandler): void {}
  async waiting(): Promise<number> {
    return this.jobs.size;
  }
  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}

const dana = personViewer("dana", ["CUSTOMER"]);
const TAQUERIA = { vendorName: "Taco Loco", distance: { meters: 400 } };

describe("making notifications", () => {
  let stores: OpenCommunicationStores;
  let queue: QueueRecorder;
  let clock: Date;
  let notifications: NotificationsService;
  let settings: NotificationSettingsService;
  let contacts: ContactsService;
  beforeEach(async () => {
    stores = openSqlite(":memory:");
    queue = new QueueRecorder();
    clock = new Date("2026-06-10T15:00:00Z"); // 10:00 in Chicago
    const now = () => clock;
    settings = new NotificationSettingsService(stores.notificationSettings, stores.contacts, now);
    notifications = new NotificationsService(
      stores.notifications,
      stores.contacts,
      settings,
      queue,
      testLogger,
      now,
    );
    contacts = new ContactsService(stores.contacts, () => [], now);
    await contacts.upsertFromIdentity({
      userId: "dana",
      email: "Dana@Example.com",
      phone: "+1 512 555 0100",
      timeZone: "America/Chicago",
    });
    await contacts.registerDevice(dana, "ios-token-0123456789abcdef", "IOS");
  });
  afterEach(() => stores.close());

  const deliveriesOf = async (notificationId: string) =>
    (await stores.notifications.deliveriesOf([notificationId])).map((d) => ({
      channel: d.channel,
      destination: d.destination,
      status: d.status,
      title: d.title,
      body: d.body,
    }));

  it("sends over the topic's default channels, in the person's language, queued at once", async () => {
    const made = await notified(notifications, {
      userId: "dana",
      topic: "VENDOR_NEARBY",
      params: TAQUERIA,
      subjectId: "v1",
    });
    expect(made).toMatchObject({
      title: "Taco Loco is nearby",
      body: "Taco Loco is 400 m away",
      subjectId: "v1",
    });
    const deliveries = await deliveriesOf(made.id);
    // Vendor alerts: push and e-mail on, text messages off until the person turns them on.
    expect(deliveries).toEqual([
      {
        channel: "PUSH",
        destination: "ios-token-0123456789abcdef",
        status: "QUEUED",
        title: "Taco Loco is nearby",
        body: "Taco Loco is 400 m away",
      },
      expect.objectContaining({
        channel: "EMAIL",
        destination: "dana@example.com",
        status: "QUEUED",
        title: "Taco Loco is nearby",
      }),
    ]);
    expect([...queue.jobs.values()]).toEqual([clock, clock]);
  });

  it("follows the person's switches and language", async () => {
    await settings.update(dana, {
      locale: "es-MX",
      topics: [{ topic: "VENDOR_NEARBY", push: false, sms: true }],
    });
    const made = await notified(notifications, { userId: "dana", topic: "VENDOR_NEARBY", params: TAQUERIA });
    expect(made.body).toBe("Taco Loco está a 400 m");
    expect(await deliveriesOf(made.id)).toEqual([
      expect.objectContaining({ channel: "EMAIL", title: "Taco Loco está cerca" }),
      {
        channel: "SMS",
        destination: "+15125550100",
        status: "QUEUED",
        title: "",
        body: "Venta: Taco Loco está a 400 m.",
      },
    ]);
  });

  it("holds a notification that falls in quiet hours until they end, in the person's time zone", async () => {
    await settings.update(dana, { quietHours: { start: "22:00", end: "07:00" } });
    clock = new Date("2026-06-11T04:30:00Z"); // 23:30 in Chicago
    const made = await notified(notifications, {
      userId: "dana",
      topic: "CHAT_MESSAGE",
      params: { senderName: "Eli", preview: "Open?" },
    });
    const deliveries = await stores.notifications.deliveriesOf([made.id]);
    expect(deliveries.map((d) => [d.channel, d.status, d.dueAt.toISOString()])).toEqual([
      ["PUSH", "SCHEDULED", "2026-06-11T12:00:00.000Z"],
    ]);
    expect([...queue.jobs.values()]).toEqual([new Date("2026-06-11T12:00:00Z")]);
    // The notification itself is in the person's list at once: only the interruptions wait.
    expect(await stores.notifications.countByUser("dana")).toBe(1);
  });

  it("sends urgent account notices during quiet hours", async () => {
    await settings.update(dana, { quietHours: { start: "22:00", end: "07:00" } });
    clock = new Date("2026-06-11T04:30:00Z");
    const made = await notified(notifications, {
      userId: "dana",
      topic: "ACCOUNT",
      params: { headline: "New sign-in", details: "Someone signed in on a new phone." },
    });
    const statuses = (await stores.notifications.deliveriesOf([made.id])).map((d) => d.status);
    expect(statuses).toEqual(["QUEUED", "QUEUED"]);
  });

  it("schedules a send for later when asked", async () => {
    const later = new Date("2026-06-12T09:00:00Z");
    const made = await notified(notifications, {
      userId: "dana",
      topic: "PROMOTION",
      params: { headline: "2x1 tacos", details: "Tuesday only." },
      notBefore: later,
    });
    // Promotions are opt-in: nothing goes out, but the person's list shows it.
    expect(await stores.notifications.deliveriesOf([made.id])).toEqual([]);
    await settings.update(dana, { topics: [{ topic: "PROMOTION", email: true }] });
    const opted = await notified(notifications, {
      userId: "dana",
      topic: "PROMOTION",
      params: { headline: "2x1 tacos", details: "Tuesday only." },
      notBefore: later,
    });
    const [delivery] = await stores.notifications.deliveriesOf([opted.id]);
    expect(delivery).toMatchObject({ channel: "EMAIL", status: "SCHEDULED", dueAt: later });
  });

  it("makes one notification per dedupe key, and queues its unfinished deliveries again on a repeat", async () => {
    const request = {
      userId: "dana",
      topic: "VENDOR_NEARBY" as const,
      params: TAQUERIA,
      dedupeKey: "vendor-nearby:e1",
    };
    const [first, second] = await Promise.all([notifications.notify(request), notifications.notify(request)]);
    expect(second?.id).toBe(first?.id);
    expect(await stores.notifications.countByUser("dana")).toBe(1);
    // A process that died after storing but before queuing: its jobs are lost, a repeat restores them.
    queue.jobs.clear();
    await notifications.notify(request);
    expect(queue.jobs.size).toBe(2);
    queue.jobs.clear();
    expect(await notifications.requeueUnfinished()).toBe(2);
    expect(queue.jobs.size).toBe(2);
  });

  it("makes nothing for a person whose account was deleted: an event about them may arrive late", async () => {
    await stores.contacts.eraseUser("dana", clock);
    expect(
      await notifications.notify({ userId: "dana", topic: "VENDOR_NEARBY", params: TAQUERIA }),
    ).toBeNull();
    expect((await notifications.listOf("dana", 10, null, false)).totalCount).toBe(0);
    expect(queue.jobs.size).toBe(0);
  });

  it("keeps nothing when the account's erasure lands while the notification is being written", async () => {
    const erasure = new ContactsService(
      stores.contacts,
      () => [
        new ContactsPersonalData(stores.contacts, () => clock),
        new NotificationsPersonalData(stores.notifications),
      ],
      () => clock,
    );
    // The erasure runs whole between notify's first look at the person and its write.
    const racing = new Proxy(stores.notifications, {
      get(target, property) {
        if (property === "create")
          return async (...args: Parameters<NotificationsStore["create"]>) => {
            await erasure.eraseUser("dana");
            return target.create(...args);
          };
        const value: unknown = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const raced = new NotificationsService(racing, stores.contacts, settings, queue, testLogger, () => clock);
    expect(await raced.notify({ userId: "dana", topic: "VENDOR_NEARBY", params: TAQUERIA })).toBeNull();
    expect((await notifications.listOf("dana", 10, null, false)).totalCount).toBe(0);
    expect(queue.jobs.size).toBe(0);
  });

  it("records a notification with no deliveries for a person without any contact details", async () => {
    const made = await notified(notifications, {
      userId: "nobody",
      topic: "SUPPORT_UPDATE",
      params: { update: "We refunded you." },
    });
    expect(made).toMatchObject({ title: "Update on your support request", body: "We refunded you." });
    expect(await stores.notifications.deliveriesOf([made.id])).toEqual([]);
  });
});
