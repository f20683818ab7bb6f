import { personViewer } from "@venta/auth";
import type { NotificationPreferencesChanged } from "@venta/events";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handledBy } from "../bus.harness.js";
import { communicationHarness } from "../communication.harness.js";
import { notified } from "../notifications/notified.harness.js";
import {
  followMarketplacePreferences,
  MARKETPLACE_PREFERENCES_CONSUMER,
} from "./marketplace-preferences.consumer.js";

type Harness = Awaited<ReturnType<typeof communicationHarness>>;

const dana = personViewer("dana", ["CUSTOMER"]);
const READ = `query { myNotificationSettings { quietHours { start end } topics { topic push email sms } } }`;
const UPDATE = `mutation ($input: UpdateNotificationSettingsInput!) { updateMyNotificationSettings(input: $input) { locale } }`;

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe("switches set through marketplace's deprecated notification preferences", () => {
  let h: Harness;
  const publish = async (at: string, preferences: NotificationPreferencesChanged["preferences"]) => {
    await h.bus.publish("marketplace.notification_preferences_changed", { userId: "dana", preferences, at });
    await handledBy(h.bus, [MARKETPLACE_PREFERENCES_CONSUMER]);
  };
  const topics = async () => {
    const result = await h.run(READ, {}, dana);
    expect(result.errors).toBeUndefined();
    return (result.data?.myNotificationSettings as { topics: unknown[] } | undefined)?.topics;
  };

  beforeEach(async () => {
    h = await communicationHarness();
    followMarketplacePreferences(h.bus, h.services.notificationSettings, testLogger);
  });
  afterEach(() => h.close());

  it("apply to the matching topics, which sending reads; LOYALTY has none and changes nothing", async () => {
    await publish(ago(1), [
      { category: "FAVORITE_NEARBY", push: false, email: false, sms: false },
      { category: "MESSAGES", push: true, email: true, sms: false },
      { category: "PROMOTIONS", push: true, email: false, sms: false },
      { category: "LOYALTY", push: true, email: true, sms: true },
    ]);
    expect(await topics()).toEqual([
      { topic: "VENDOR_NEARBY", push: false, email: false, sms: false },
      { topic: "CHAT_MESSAGE", push: true, email: true, sms: false },
      { topic: "SUPPORT_UPDATE", push: true, email: true, sms: false },
      { topic: "PROMOTION", push: true, email: false, sms: false },
      { topic: "ACCOUNT", push: true, email: true, sms: false },
    ]);
    // Sending follows them: a chat message now goes by e-mail too.
    await h.services.contacts.upsertFromIdentity({ userId: "dana", email: "dana@example.com" });
    const made = await notified(h.services.notifications, {
      userId: "dana",
      topic: "CHAT_MESSAGE",
      params: { preview: "Open tonight?" },
    });
    expect((await h.services.notifications.deliveriesOf([made.id])).map((d) => d.channel)).toEqual(["EMAIL"]);
  });

  it("store nothing for a person whose account was deleted before they arrived", async () => {
    await h.services.contacts.eraseUser("dana");
    await publish(ago(1), [{ category: "MESSAGES", push: false, email: true, sms: true }]);
    expect(await h.stores.notificationSettings.find("dana")).toBeNull();
  });

  it("never undo a later change made here, however late or often they arrive", async () => {
    await h.run(
      UPDATE,
      {
        input: {
          quietHours: { start: "22:00", end: "07:00" },
          topics: [{ topic: "CHAT_MESSAGE", sms: true }],
        },
      },
      dana,
    );
    // Made in marketplace five minutes before the change here, handled after it.
    await publish(ago(5), [
      { category: "MESSAGES", push: false, email: false, sms: false },
      { category: "PROMOTIONS", push: true, email: true, sms: false },
    ]);
    await publish(ago(5), [{ category: "MESSAGES", push: false, email: false, sms: false }]);
    const result = await h.run(READ, {}, dana);
    expect(result.data?.myNotificationSettings).toEqual({
      quietHours: { start: "22:00", end: "07:00" },
      topics: [
        { topic: "VENDOR_NEARBY", push: true, email: true, sms: false },
        { topic: "CHAT_MESSAGE", push: true, email: false, sms: true },
        { topic: "SUPPORT_UPDATE", push: true, email: true, sms: false },
        // A topic not changed here since takes the marketplace change.
        { topic: "PROMOTION", push: true, email: true, sms: false },
        { topic: "ACCOUNT", push: true, email: true, sms: false },
      ],
    });
  });
});
