import { randomUUID } from "node:crypto";
import { forbidden, type Viewer } from "@venta/auth";
import { type Logger, notFound } from "@venta/kit";
import type { Channel } from "../channels/channel.js";
import type { ContactsStore } from "../contacts/contacts.store.js";
import type {
  EffectiveSettings,
  NotificationSettingsService,
} from "../preferences/notification-settings.service.js";
import { quietHoursEnd } from "../preferences/quiet-hours.js";
import type { DeliveryQueue } from "./delivery-queue.js";
import { listNotifications } from "./list-notifications.js";
import type { DeliveryRecord, NotificationRecord } from "./notification.record.js";
import type { NotificationConnection } from "./notification.type.js";
import type { NotificationsStore } from "./notifications.store.js";
import { renderTemplate, type TemplateParams } from "./template.render.js";
import { type NotificationTopic, TOPIC_RULES } from "./topics.js";

/** What another module asks for: tell this person about this, with these template parameters. */
export interface NotifyRequest {
  userId: string;
  topic: NotificationTopic;
  /** The topic's template parameters (see templates.ts). */
  params: TemplateParams;
  /** What it is about: the vendor, conversation or ticket id. */
  subjectId?: string | null;
  /** Extra key-value pairs for the app (deep links). */
  data?: Record<string, string>;
  /** Makes the request idempotent: the same person and key never make a second notification. */
  dedupeKey?: string | null;
  /** Send no earlier than this: a scheduled send. */
  notBefore?: Date | null;
}

const REQUEUE_BATCH = 200;

/**
 * Turns a request into a notification in the person's language, with one delivery per channel
 * and destination the person allows, each queued for when it may go out (after quiet hours unless
 * the topic is urgent). Creating is idempotent by dedupe key, and queuing by delivery id, so a
 * repeated request after a crash completes what the first began.
 */
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsStore,
    private readonly contacts: ContactsStore,
    private readonly settings: NotificationSettingsService,
    private readonly queue: DeliveryQueue,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Null, storing nothing, for a person whose account was deleted: an event about them (a chat
   * answer, a vendor entering a zone) may still be on its way when the erasure lands.
   */
  async notify(request: NotifyRequest): Promise<NotificationRecord | null> {
    if (await this.contacts.isErased(request.userId)) return null;
    const dedupeKey = request.dedupeKey ?? null;
    const [contact, devices, settings] = await Promise.all([
      this.contacts.find(request.userId),
      this.contacts.devicesOf(request.userId),
      this.settings.effective(request.userId),
    ]);
    const now = this.now();
    const dueAt = this.dueAt(request, settings, now);
    const inApp = renderTemplate(request.topic, "PUSH", settings.locale, request.params);
    const notification: NotificationRecord = {
      id: randomUUID(),
      userId: request.userId,
      topic: request.topic,
      title: inApp.title,
      body: inApp.body,
      subjectId: request.subjectId ?? null,
      data: request.data ?? {},
      dedupeKey,
      createdAt: now,
      readAt: null,
    };
    const switches =
      settings.topics.find((t) => t.topic === request.topic)?.switches ?? TOPIC_RULES[request.topic].defaults;
    const destinations: Pick<DeliveryRecord, "channel" | "platform" | "destination">[] = [];
    if (switches.push) {
      for (const device of devices)
        destinations.push({ channel: "PUSH", platform: device.platform, destination: device.token });
    }
    if (switches.email && contact?.email)
      destinations.push({ channel: "EMAIL", platform: null, destination: contact.email });
    if (switches.sms && contact?.phone)
      destinations.push({ channel: "SMS", platform: null, destination: contact.phone });
    const rendered = new Map<Channel, { title: string; body: string }>();
    const textFor = (channel: Channel) => {
      let text = rendered.get(channel);
      if (!text) {
        text = renderTemplate(request.topic, channel, settings.locale, request.params);
        rendered.set(channel, text);
      }
      return text;
    };
    const deliveries: DeliveryRecord[] = destinations.map((destination, n) => ({
      // Ids that sort in the order made (push, e-mail, text) keep every listing in that order.
      id: `${notification.id}-${String(n).padStart(2, "0")}`,
      notificationId: notification.id,
      userId: request.userId,
      ...destination,
      ...textFor(destination.channel),
      status: dueAt > now ? "SCHEDULED" : "QUEUED",
      attempts: 0,
      lastError: null,
      dueAt,
      sentAt: null,
      providerMessageId: null,
      createdAt: now,
      updatedAt: now,
    }));
    const { notification: stored, created } = await this.notifications.create(notification, deliveries);
    // The erasure may have landed between the look above and this write, after it cleared the
    // notifications: then it missed this one, and its deliveries carry the erased addresses. The
    // erasure records the person before it clears anything, so either it saw this write, or this
    // second look sees the record.
    if (await this.contacts.isErased(request.userId)) {
      await this.notifications.eraseUser(request.userId);
      return null;
    }
    const queued = created ? deliveries : await this.notifications.deliveriesOf([stored.id]);
    for (const delivery of queued) {
      if (delivery.status === "QUEUED" || delivery.status === "SCHEDULED") {
        await this.queue.enqueue(delivery.id, delivery.dueAt);
      }
    }
    this.log.debug(
      { notificationId: stored.id, topic: request.topic, deliveries: queued.length, created },
      "notification made",
    );
    return stored;
  }

  /**
   * Queues every unfinished delivery again, for deliveries whose job was lost with a process that
   * died between storing and queuing them; jobs already waiting are left as they are.
   */
  async requeueUnfinished(): Promise<number> {
    let count = 0;
    let after: string | undefined;
    for (;;) {
      const batch = await this.notifications.unfinishedDeliveries(REQUEUE_BATCH, after);
      for (const delivery of batch) await this.queue.enqueue(delivery.id, delivery.dueAt);
      count += batch.length;
      after = batch.at(-1)?.id;
      if (batch.length < REQUEUE_BATCH) return count;
    }
  }

  /** The signed-in person's notifications, newest first. */
  listMine(
    viewer: Viewer,
    first: number,
    after: string | null,
    unreadOnly: boolean,
  ): Promise<NotificationConnection> {
    return listNotifications(this.notifications, signedIn(viewer), first, after, unreadOnly);
  }

  /** Anyone's notifications: callers check that the viewer may see them. */
  listOf(
    userId: string,
    first: number,
    after: string | null,
    unreadOnly: boolean,
  ): Promise<NotificationConnection> {
    return listNotifications(this.notifications, userId, first, after, unreadOnly);
  }

  /** The deliveries of these notifications, in one round trip. */
  deliveriesOf(notificationIds: readonly string[]): Promise<DeliveryRecord[]> {
    return this.notifications.deliveriesOf(notificationIds);
  }

  /** Marks one of the signed-in person's notifications read; someone else's is as good as unknown. */
  async markRead(viewer: Viewer, id: string): Promise<NotificationRecord> {
    const read = await this.notifications.markRead(signedIn(viewer), id, this.now());
    if (!read) throw notFound(`no notification with id ${id}`);
    return read;
  }

  /** Marks all the signed-in person's notifications read; returns how many were unread. */
  markAllRead(viewer: Viewer): Promise<number> {
    return this.notifications.markAllRead(signedIn(viewer), this.now());
  }

  /** When the deliveries may go out: not before `notBefore`, and after quiet hours unless urgent. */
  private dueAt(request: NotifyRequest, settings: EffectiveSettings, now: Date): Date {
    const earliest = request.notBefore && request.notBefore > now ? request.notBefore : now;
    if (TOPIC_RULES[request.topic].urgent || !settings.quietHours) return earliest;
    return quietHoursEnd(earliest, settings.quietHours, settings.timeZone) ?? earliest;
  }
}

function signedIn(viewer: Viewer): string {
  if (viewer.userId === null) throw forbidden("only a signed-in person has notifications");
  return viewer.userId;
}
