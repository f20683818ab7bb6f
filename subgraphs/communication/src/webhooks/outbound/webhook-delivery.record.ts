import type { PublicEventType } from "./public-events.js";

/** PENDING: waiting for its next attempt; SUCCEEDED: the endpoint answered 2xx; FAILED: given up. */
export type WebhookDeliveryStatus = "PENDING" | "SUCCEEDED" | "FAILED";

/** One POST of a delivery to the endpoint, as it went. */
export interface WebhookAttemptRecord {
  /** 1 for the first attempt. */
  number: number;
  attemptedAt: Date;
  /** The endpoint's HTTP status; null when none came (timeout, refused connection, bad address). */
  responseStatus: number | null;
  durationMs: number;
  succeeded: boolean;
  /** What went wrong, in a sentence; null on success. */
  error: string | null;
}

/** One public event on its way to one subscription: the same body, signed afresh on every attempt. */
export interface WebhookDeliveryRecord {
  id: string;
  subscriptionId: string;
  /** The subscription's owner, copied so a partner's deliveries list without a join. */
  partnerKeyId: string;
  /** The public event's id; one delivery per (subscription, event). */
  eventId: string;
  eventType: PublicEventType;
  /** The exact JSON body sent (and signed). */
  body: string;
  status: WebhookDeliveryStatus;
  /** Every attempt so far, oldest first. */
  attempts: WebhookAttemptRecord[];
  /**
   * When a PENDING delivery may be attempted next (a sender holding it pushes this forward by its
   * lease); null once SUCCEEDED or FAILED.
   */
  nextAttemptAt: Date | null;
  /** Why it FAILED: the last attempt's error, or the subscription being disabled. */
  failureReason: string | null;
  createdAt: Date;
  /** When the endpoint accepted it. */
  deliveredAt: Date | null;
}

/** Position in the newest-first (createdAt, id) order delivery lists page through. */
export interface WebhookDeliveryListKey {
  createdAt: Date;
  id: string;
}
