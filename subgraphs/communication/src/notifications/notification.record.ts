import type { Channel, PushPlatform } from "../channels/channel.js";
import type { NotificationTopic } from "./topics.js";

/** One thing Venta told a person: shown in the app's list, and sent over their chosen channels. */
export interface NotificationRecord {
  id: string;
  userId: string;
  topic: NotificationTopic;
  /** In the person's language, as the app shows it. */
  title: string;
  body: string;
  /** What it is about: a vendor, a conversation, a support ticket; null when nothing in particular. */
  subjectId: string | null;
  /** Passed to the app with a push (deep links). */
  data: Record<string, string>;
  /** Set by the sender so a repeated request (a redelivered event) makes no second notification. */
  dedupeKey: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/**
 * QUEUED: waiting for a worker; SCHEDULED: held until `dueAt` (quiet hours, a later send);
 * SENT: the provider accepted it; FAILED: given up, see `lastError`. A failed attempt that will be
 * retried leaves the delivery QUEUED with `attempts` and `lastError` filled in.
 */
export const DELIVERY_STATUSES = ["QUEUED", "SCHEDULED", "SENT", "FAILED"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A notification on its way to one destination over one channel. */
export interface DeliveryRecord {
  id: string;
  notificationId: string;
  userId: string;
  channel: Channel;
  /** For push: which service the token belongs to. */
  platform: PushPlatform | null;
  /** The e-mail address, phone number or push token, as it was when the notification was made. */
  destination: string;
  /** The text for this channel, rendered once so every attempt sends the same thing. */
  title: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  /** When it may go out. */
  dueAt: Date;
  sentAt: Date | null;
  providerMessageId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The result of one attempt, written over the delivery's state. */
export type DeliveryAttempt = Pick<
  DeliveryRecord,
  "status" | "attempts" | "lastError" | "sentAt" | "providerMessageId" | "updatedAt"
>;

/** Position in a person's notifications, newest first: (createdAt, id) descending. */
export interface NotificationListKey {
  createdAt: Date;
  id: string;
}
