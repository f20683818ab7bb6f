import { personViewer } from "@venta/auth";
import { destinationPoint } from "@venta/geo";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handledBy } from "../bus.harness.js";
import { startSmtpReceiver } from "../channels/smtp.harness.js";
import { communicationHarness } from "../communication.harness.js";
import { type RunningNotifications, startNotifications } from "../notifications/start-notifications.js";
import { CROSSINGS_CONSUMER, FAVORITES_CONSUMER, VENDORS_CONSUMER } from "./vendor-alerts.consumer.js";

const dana = personViewer("dana", ["CUSTOMER"]);
const ZONE_CENTER = { lat: 30.2672, lng: -97.7431 };

const NOTIFICATIONS = `query {
  myNotifications(first: 10) {
    totalCount unreadCount
    edges { node { topic title body subjectId isRead deliveries { channel status attempts destination lastError } } }
  }
}`;

/** Resolves once `done()` holds, checking every 20 ms; fails after 15 s. */
async function eventually(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a favorite vendor comes into a person's alert zone", () => {
  let receiver: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let h: Awaited<ReturnType<typeof communicationHarness>>;
  let running: RunningNotifications;

  beforeEach(async () => {
    receiver = await startSmtpReceiver();
    h = await communicationHarness({
      SMTP_URL: receiver.url,
      EMAIL_FROM: "Venta <alerts@venta.test>",
      ALERT_NOTIFY_PERIOD_SECONDS: "3600",
      NOTIFY_POLL_MS: "20",
    });
    running = await startNotifications(h.services, h.bus, testLogger);
  });
  afterEach(async () => {
    await running.stop();
    await h.close();
    await receiver.close();
  });

  const enter = () => {
    const vendorAt = destinationPoint(ZONE_CENTER, 45, 400);
    return h.bus.publish("location.geofence_triggered", {
      fenceId: "dana-home",
      fenceKind: "ALERT_ZONE",
      ownerId: "dana",
      vendorId: "taco-loco",
      transition: "ENTER",
      lat: vendorAt.lat,
      lng: vendorAt.lng,
      at: new Date().toISOString(),
      cause: "VENDOR_MOVED",
      fenceCenter: ZONE_CENTER,
    });
  };

  it("notifies once: recorded, pushed, e-mailed; a second entry within the period sends nothing", async () => {
    await h.services.contacts.upsertFromIdentity({
      userId: "dana",
      email: "dana@example.com",
      locale: "en-US",
    });
    const registered = await h.run(
      `mutation { registerPushDevice(input: { token: "dana-phone-fcm-token-0001", platform: ANDROID }) { platform } }`,
      {},
      dana,
    );
    expect(registered.errors).toBeUndefined();
    await h.bus.publish("marketplace.vendor_created", {
      vendorId: "taco-loco",
      name: "Taco Loco",
      cuisines: ["tacos"],
      status: "OPEN",
      version: 1,
      updatedAt: new Date().toISOString(),
      verification: "VERIFIED",
    });
    await h.bus.publish("marketplace.favorite_added", {
      userId: "dana",
      vendorId: "taco-loco",
      at: new Date().toISOString(),
    });
    await handledBy(h.bus, [FAVORITES_CONSUMER, VENDORS_CONSUMER]);

    await enter();
    await eventually(() => receiver.received.length === 1, "the e-mail arrived");
    const [{ recipients, mail }] = receiver.received as [(typeof receiver.received)[number]];
    expect(recipients).toEqual(["dana@example.com"]);
    expect(mail.subject).toBe("Taco Loco is nearby");
    expect(mail.from?.text).toBe('"Venta" <alerts@venta.test>');
    expect(mail.text).toContain("Taco Loco is 400 m away.");

    await eventually(async () => {
      const result = await h.run(NOTIFICATIONS, {}, dana);
      const json = JSON.stringify(result.data);
      return !json.includes("QUEUED");
    }, "every delivery went out");
    const result = await h.run(NOTIFICATIONS, {}, dana);
    expect(result.errors).toBeUndefined();
    expect(result.data?.myNotifications).toEqual({
      totalCount: 1,
      unreadCount: 1,
      edges: [
        {
          node: {
            topic: "VENDOR_NEARBY",
            title: "Taco Loco is nearby",
            body: "Taco Loco is 400 m away",
            subjectId: "taco-loco",
            isRead: false,
            deliveries: [
              { channel: "PUSH", status: "SENT", attempts: 1, destination: "…n-0001", lastError: null },
              {
                channel: "EMAIL",
                status: "SENT",
                attempts: 1,
                destination: "d•••@example.com",
                lastError: null,
              },
            ],
          },
        },
      ],
    });

    // The vendor leaves and comes back (and the bus repeats itself): within the hour, nothing more.
    await enter();
    await enter();
    await handledBy(h.bus, [CROSSINGS_CONSUMER]);
    expect((await h.run(NOTIFICATIONS, {}, dana)).data?.myNotifications).toMatchObject({ totalCount: 1 });
    expect(await h.services.delivery.queue.waiting()).toBe(0);
    expect(receiver.received).toHaveLength(1);
  });

  it("erases the person's notification data when their account is deleted", async () => {
    await h.services.contacts.upsertFromIdentity({ userId: "dana", email: "dana@example.com" });
    await h.bus.publish("marketplace.favorite_added", {
      userId: "dana",
      vendorId: "taco-loco",
      at: new Date().toISOString(),
    });
    await handledBy(h.bus, [FAVORITES_CONSUMER]);
    await enter();
    await eventually(() => receiver.received.length === 1, "the e-mail arrived");
    await h.bus.publish("marketplace.user_deleted", { userId: "dana", at: new Date().toISOString() });
    await eventually(
      async () => (await h.services.notifications.listOf("dana", 10, null, false)).totalCount === 0,
      "the notifications were erased",
    );
    expect(await h.services.contacts.contactOf("dana")).toBeNull();
    // The deleted person is refused outright rather than shown an empty list.
    expect((await h.run(NOTIFICATIONS, {}, dana)).errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(await h.stores.vendorAlerts.isFavorite("dana", "taco-loco")).toBe(false);
  });
});
