import { randomUUID } from "node:crypto";
import type { GeofenceTriggered } from "@venta/events";
import { destinationPoint } from "@venta/geo";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ContactsPersonalData } from "../contacts/contacts.personal-data.js";
import { ContactsService } from "../contacts/contacts.service.js";
import { SqliteDeliveryQueue } from "../notifications/delivery-queue.sqlite.js";
import { NotificationsService } from "../notifications/notifications.service.js";
import { openDeliveryJobsDatabase } from "../notifications/open-delivery-queue.js";
import { NotificationSettingsService } from "../preferences/notification-settings.service.js";
import { type OpenCommunicationStores, openSqlite } from "../stores.js";
import type { FavoriteFact } from "./vendor-alert.record.js";
import { VendorAlertsPersonalData } from "./vendor-alerts.personal-data.js";
import { VendorAlertsService } from "./vendor-alerts.service.js";

const CENTER = { lat: 30.2672, lng: -97.7431 };
const HOUR_MS = 3_600_000;

const crossing = (overrides: Partial<GeofenceTriggered> = {}): GeofenceTriggered => {
  const vendorAt = destinationPoint(CENTER, 90, 400);
  return {
    fenceId: "zone-1",
    fenceKind: "ALERT_ZONE",
    ownerId: "dana",
    vendorId: "taco-loco",
    transition: "ENTER",
    lat: vendorAt.lat,
    lng: vendorAt.lng,
    at: "2026-06-10T15:00:00.000Z",
    cause: "VENDOR_MOVED",
    fenceCenter: CENTER,
    ...overrides,
  };
};

describe("vendor alerts", () => {
  let stores: OpenCommunicationStores;
  let queue: SqliteDeliveryQueue;
  let clock: Date;
  let alerts: VendorAlertsService;
  let notifications: NotificationsService;

  beforeEach(async () => {
    stores = openSqlite(":memory:");
    clock = new Date("2026-06-10T15:00:00Z");
    const now = () => clock;
    queue = new SqliteDeliveryQueue(
      openDeliveryJobsDatabase(":memory:"),
      { maxAttempts: 3, baseDelayMs: 10, concurrency: 1 },
      testLogger,
    );
    const settings = new NotificationSettingsService(stores.notificationSettings, stores.contacts, now);
    notifications = new NotificationsService(
      stores.notifications,
      stores.contacts,
      settings,
      queue,
      testLogger,
      now,
    );
    alerts = new VendorAlertsService(
      stores.vendorAlerts,
      stores.contacts,
      notifications,
      3600,
      testLogger,
      now,
    );
    await new ContactsService(stores.contacts, () => [], now).upsertFromIdentity({
      userId: "dana",
      email: "dana@example.com",
    });
    await alerts.vendorChanged({ vendorId: "taco-loco", name: "Taco Loco", listed: true, version: 1 });
    await alerts.favoriteChanged({ userId: "dana", vendorId: "taco-loco", favorited: true, at: new Date(0) });
  });
  afterEach(async () => {
    await queue.close();
    await stores.close();
  });

  const danasNotifications = async () => (await stores.notifications.listByUser("dana", 100)).records;

  it("tells the person how far the favorite vendor is from the centre of their zone", async () => {
    expect(await alerts.onCrossing("e1", crossing())).toBe("NOTIFIED");
    const [notification] = await danasNotifications();
    expect(notification).toMatchObject({
      topic: "VENDOR_NEARBY",
      title: "Taco Loco is nearby",
      body: "Taco Loco is 400 m away",
      subjectId: "taco-loco",
      data: { vendorId: "taco-loco", fenceId: "zone-1" },
    });
    expect(await queue.waiting()).toBe(1);
  });

  it("says the vendor is in the area when the zone's centre is not known", async () => {
    await alerts.onCrossing("e1", crossing({ fenceCenter: undefined }));
    expect((await danasNotifications())[0]?.body).toBe("Taco Loco is in your area");
  });

  it("notifies once for duplicate and concurrent crossings, however many arrive at once", async () => {
    // The same event redelivered in parallel, and other events for the same person and vendor.
    const outcomes = await Promise.all([
      ...Array.from({ length: 10 }, () => alerts.onCrossing("e1", crossing())),
      ...Array.from({ length: 10 }, () => alerts.onCrossing(randomUUID(), crossing({ fenceId: "zone-2" }))),
    ]);
    expect(await danasNotifications()).toHaveLength(1);
    expect(await queue.waiting()).toBe(1);
    expect(outcomes.filter((o) => o === "THROTTLED").length).toBeGreaterThanOrEqual(10);
  });

  it("holds back a second crossing within the period and lets one through after it", async () => {
    expect(await alerts.onCrossing("e1", crossing())).toBe("NOTIFIED");
    clock = new Date(clock.getTime() + HOUR_MS - 1000);
    expect(await alerts.onCrossing("e2", crossing())).toBe("THROTTLED");
    clock = new Date(clock.getTime() + 1000);
    expect(await alerts.onCrossing("e3", crossing())).toBe("NOTIFIED");
    expect(await danasNotifications()).toHaveLength(2);
  });

  it("finishes the work of an event redelivered after a crash, without a second notification", async () => {
    await alerts.onCrossing("e1", crossing());
    clock = new Date(clock.getTime() + 60_000);
    expect(await alerts.onCrossing("e1", crossing())).toBe("NOTIFIED");
    expect(await danasNotifications()).toHaveLength(1);
  });

  it("stores no favorite announced for a person whose account was deleted meanwhile", async () => {
    await stores.contacts.eraseUser("erin", new Date(0));
    const late = { userId: "erin", vendorId: "taco-loco", favorited: true, at: new Date(1) };
    expect(await alerts.favoriteChanged(late)).toBe(false);
    expect(await stores.vendorAlerts.isFavorite("erin", "taco-loco")).toBe(false);
  });

  it("keeps no favorite when the account's erasure lands while the favorite is being written", async () => {
    const erasure = new ContactsService(
      stores.contacts,
      () => [
        new ContactsPersonalData(stores.contacts, () => clock),
        new VendorAlertsPersonalData(stores.vendorAlerts),
      ],
      () => clock,
    );
    // The erasure runs whole between the service's look at the person and its write.
    const racing = new Proxy(stores.vendorAlerts, {
      get(target, property) {
        if (property === "applyFavorite")
          return async (fact: FavoriteFact) => {
            await erasure.eraseUser(fact.userId);
            return target.applyFavorite(fact);
          };
        const value: unknown = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const raced = new VendorAlertsService(
      racing,
      stores.contacts,
      notifications,
      3600,
      testLogger,
      () => clock,
    );
    const late = { userId: "erin", vendorId: "taco-loco", favorited: true, at: new Date(1) };
    expect(await raced.favoriteChanged(late)).toBe(false);
    expect(await stores.vendorAlerts.isFavorite("erin", "taco-loco")).toBe(false);
  });

  it("ignores leaving, vendor zones, vendors not favorited and vendors not listed", async () => {
    expect(await alerts.onCrossing("e1", crossing({ transition: "EXIT" }))).toBe("IGNORED");
    expect(await alerts.onCrossing("e2", crossing({ fenceKind: "VENDOR_ZONE", ownerId: "taco-loco" }))).toBe(
      "IGNORED",
    );
    expect(await alerts.onCrossing("e3", crossing({ vendorId: "elsewhere" }))).toBe("IGNORED");
    await alerts.favoriteChanged({
      userId: "dana",
      vendorId: "taco-loco",
      favorited: false,
      at: new Date(1),
    });
    expect(await alerts.onCrossing("e4", crossing())).toBe("IGNORED");
    await alerts.favoriteChanged({ userId: "dana", vendorId: "taco-loco", favorited: true, at: new Date(2) });
    await alerts.vendorChanged({ vendorId: "taco-loco", name: "Taco Loco", listed: false, version: 2 });
    expect(await alerts.onCrossing("e5", crossing())).toBe("IGNORED");
    expect(await danasNotifications()).toEqual([]);
  });
});
