import { personViewer } from "@venta/auth";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Channels } from "../channels/channels.js";
import { startFcmServer } from "../channels/fcm.harness.js";
import { FcmPushChannel, readServiceAccountFile } from "../channels/fcm-push.channel.js";
import { LocalChannel } from "../channels/local.channel.js";
import { INVALID_NUMBER, startTwilioServer } from "../channels/twilio.harness.js";
import { TwilioSmsChannel } from "../channels/twilio-sms.channel.js";
import { ContactsService } from "../contacts/contacts.service.js";
import { NotificationSettingsService } from "../preferences/notification-settings.service.js";
import { type OpenCommunicationStores, openSqlite } from "../stores.js";
import { DeliveryWorker } from "./delivery.worker.js";
import { SqliteDeliveryQueue } from "./delivery-queue.sqlite.js";
import { NotificationsService } from "./notifications.service.js";
import { notified } from "./notified.harness.js";
import { openDeliveryJobsDatabase } from "./open-delivery-queue.js";

const SID = "AC00000000000000000000000000000001";
const dana = personViewer("dana", ["CUSTOMER"]);

describe("sending deliveries", () => {
  let stores: OpenCommunicationStores;
  let twilio: Awaited<ReturnType<typeof startTwilioServer>>;
  let fcm: Awaited<ReturnType<typeof startFcmServer>>;
  let queue: SqliteDeliveryQueue;
  let notifications: NotificationsService;
  let worker: DeliveryWorker;
  let contacts: ContactsService;
  let email: LocalChannel;

  beforeEach(async () => {
    stores = openSqlite(":memory:");
    twilio = await startTwilioServer(SID, "token");
    fcm = await startFcmServer();
    const { projectId, account } = readServiceAccountFile(fcm.serviceAccountFile);
    email = new LocalChannel("EMAIL", testLogger);
    const channels = new Channels(
      email,
      new TwilioSmsChannel({
        baseUrl: twilio.baseUrl,
        accountSid: SID,
        authToken: "token",
        from: "+15125550000",
      }),
      new FcmPushChannel({ baseUrl: fcm.baseUrl, projectId, account }),
      new LocalChannel("PUSH", testLogger),
    );
    queue = new SqliteDeliveryQueue(
      openDeliveryJobsDatabase(":memory:"),
      { maxAttempts: 3, baseDelayMs: 10, concurrency: 2 },
      testLogger,
      10,
    );
    const settings = new NotificationSettingsService(stores.notificationSettings, stores.contacts);
    notifications = new NotificationsService(
      stores.notifications,
      stores.contacts,
      settings,
      queue,
      testLogger,
    );
    worker = new DeliveryWorker(queue, stores.notifications, stores.contacts, channels, testLogger);
    contacts = new ContactsService(stores.contacts, () => []);
    await contacts.upsertFromIdentity({ userId: "dana", email: "dana@example.com", phone: "+15125550100" });
    await settings.update(dana, {
      topics: [{ topic: "SUPPORT_UPDATE", push: false, email: false, sms: true }],
    });
  });
  afterEach(async () => {
    await queue.close();
    await stores.close();
    await twilio.close();
    await fcm.close();
  });

  const textDana = async () => {
    const made = await notified(notifications, {
      userId: "dana",
      topic: "SUPPORT_UPDATE",
      params: { update: "Refunded." },
    });
    const [delivery] = await stores.notifications.deliveriesOf([made.id]);
    if (!delivery) throw new Error("no delivery");
    return delivery.id;
  };
  const job = (deliveryId: string, attempt: number, lastAttempt = false) => ({
    deliveryId,
    attempt,
    lastAttempt,
  });

  it("sends through the channel and records the provider's id", async () => {
    const id = await textDana();
    await worker.deliver(job(id, 1));
    expect(twilio.messages).toEqual([
      expect.objectContaining({ to: "+15125550100", body: "Venta support: Refunded." }),
    ]);
    expect(await stores.notifications.findDelivery(id)).toMatchObject({
      status: "SENT",
      attempts: 1,
      lastError: null,
      providerMessageId: expect.stringMatching(/^SM/),
    });
  });

  it("keeps a delivery queued with its error after a failure worth retrying, then sends it", async () => {
    const id = await textDana();
    twilio.outage(1);
    await expect(worker.deliver(job(id, 1))).rejects.toThrow(/503/);
    expect(await stores.notifications.findDelivery(id)).toMatchObject({
      status: "QUEUED",
      attempts: 1,
      lastError: expect.stringMatching(/Twilio answered 503/),
    });
    await worker.deliver(job(id, 2));
    expect(await stores.notifications.findDelivery(id)).toMatchObject({
      status: "SENT",
      attempts: 2,
      lastError: null,
    });
    // Finished: a stray repeat of the job sends nothing more.
    await worker.deliver(job(id, 3));
    expect(twilio.messages).toHaveLength(1);
  });

  it("fails a delivery at once when the provider refuses it for good", async () => {
    await contacts.upsertFromIdentity({ userId: "dana", phone: INVALID_NUMBER });
    const id = await textDana();
    await worker.deliver(job(id, 1));
    expect(await stores.notifications.findDelivery(id)).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastError: expect.stringMatching(/21211/),
    });
  });

  it("fails a delivery whose last attempt failed", async () => {
    const id = await textDana();
    twilio.outage(1);
    await worker.deliver(job(id, 3, true));
    expect(await stores.notifications.findDelivery(id)).toMatchObject({ status: "FAILED", attempts: 3 });
  });

  it("forgets a push token the push service says is gone", async () => {
    await contacts.registerDevice(dana, "android-token-uninstalled", "ANDROID");
    await contacts.registerDevice(dana, "android-token-still-there", "ANDROID");
    fcm.unregistered.add("android-token-uninstalled");
    const made = await notified(notifications, {
      userId: "dana",
      topic: "CHAT_MESSAGE",
      params: { senderName: "Eli", preview: "Hi" },
    });
    for (const delivery of await stores.notifications.deliveriesOf([made.id]))
      await worker.deliver(job(delivery.id, 1));
    const outcomes = (await stores.notifications.deliveriesOf([made.id])).map((d) => [
      d.destination,
      d.status,
    ]);
    expect(outcomes.sort()).toEqual([
      ["android-token-still-there", "SENT"],
      ["android-token-uninstalled", "FAILED"],
    ]);
    expect((await contacts.devicesOf("dana")).map((d) => d.token)).toEqual(["android-token-still-there"]);
    expect(fcm.messages[0]?.data).toMatchObject({ notificationId: made.id, topic: "CHAT_MESSAGE" });
  });

  it("runs through the queue: retried after an outage, sent, and the queue emptied", async () => {
    worker.start();
    twilio.outage(2);
    const id = await textDana();
    const deadline = Date.now() + 10_000;
    while ((await stores.notifications.findDelivery(id))?.status !== "SENT") {
      if (Date.now() > deadline) throw new Error("the delivery was never sent");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await stores.notifications.findDelivery(id)).toMatchObject({ attempts: 3, lastError: null });
    expect(twilio.messages).toHaveLength(1);
  });

  it("does nothing for a delivery erased with its person", async () => {
    const id = await textDana();
    await stores.notifications.eraseUser("dana");
    await worker.deliver(job(id, 1));
    expect(twilio.messages).toHaveLength(0);
  });
});
