import { z } from "zod";

/** The vendor attributes other subgraphs may project; `version` orders snapshots of one vendor. */
export const vendorSnapshot = z.object({
  vendorId: z.string().min(1),
  name: z.string(),
  cuisines: z.array(z.string()),
  status: z.enum(["OPEN", "CLOSED"]),
  /** The account that manages the vendor. */
  ownerId: z.string().min(1).optional(),
  version: z.number().int().nonnegative(),
  updatedAt: z.string(),
  /** What the vendor sells, in its own words. */
  description: z.string().nullable().optional(),
  /** Where the vendor is in onboarding; only VERIFIED vendors are shown to customers. Absent: VERIFIED. */
  verification: z.enum(["DRAFT", "SUBMITTED", "VERIFIED", "REJECTED"]).optional(),
});
export type VendorSnapshot = z.infer<typeof vendorSnapshot>;

/** A vendor moved through onboarding review: submitted by its owner, verified or rejected by an admin. */
export const vendorReviewStep = z.object({
  vendorId: z.string().min(1),
  /** Who took the step: the owner (or an admin) submitting, the admin deciding. */
  actorId: z.string().min(1),
  at: z.string(),
  /** Why the vendor was rejected; only on `marketplace.vendor_rejected`. */
  reason: z.string().optional(),
});
export type VendorReviewStep = z.infer<typeof vendorReviewStep>;

export const vendorLocationUpdated = z.object({
  vendorId: z.string().min(1),
  lat: z.number(),
  lng: z.number(),
  accuracyMeters: z.number().nullable(),
  heading: z.number().nullable(),
  recordedAt: z.string(),
});
export type VendorLocationUpdated = z.infer<typeof vendorLocationUpdated>;

/**
 * A vendor crossed a geofence: entered or left a vendor's own zone (`VENDOR_ZONE`, owned by the
 * vendor) or a person's alert zone (`ALERT_ZONE`, owned by the person, watching listed vendors).
 * Sent once per crossing: a vendor staying inside sends nothing more until it leaves, which it does
 * once more than 20 m outside (fixes jitter by a few meters; an edge must not flap).
 */
export const geofenceTriggered = z.object({
  fenceId: z.string().min(1),
  fenceKind: z.enum(["VENDOR_ZONE", "ALERT_ZONE"]),
  /** The zone's owner: the vendor for a vendor zone, the person for an alert zone. */
  ownerId: z.string().min(1),
  vendorId: z.string().min(1),
  transition: z.enum(["ENTER", "EXIT"]),
  /** Where the vendor was when the crossing was seen. */
  lat: z.number(),
  lng: z.number(),
  /** When the crossing took effect: the report's recording time for a move, else when it was seen. */
  at: z.string(),
  /**
   * What caused it: the vendor moved (`VENDOR_MOVED`), the zone was drawn, redrawn or followed its
   * owner (`FENCE_MOVED`), or the vendor stopped broadcasting (`VENDOR_OFFLINE`, always an EXIT).
   */
  cause: z.enum(["VENDOR_MOVED", "FENCE_MOVED", "VENDOR_OFFLINE"]),
  /**
   * The zone's centre (a circle's centre, a polygon's centroid) when the crossing was seen, so a
   * notification can say how far away the vendor is; absent from older publishers.
   */
  fenceCenter: z.object({ lat: z.number(), lng: z.number() }).optional(),
});
export type GeofenceTriggered = z.infer<typeof geofenceTriggered>;

export const userRegistered = z.object({
  userId: z.string().min(1),
  displayName: z.string(),
  registeredAt: z.string(),
});
export type UserRegistered = z.infer<typeof userRegistered>;

/** A review was written or edited; PENDING ones wait for a moderator. */
export const reviewSubmitted = z.object({
  reviewId: z.string().min(1),
  vendorId: z.string().min(1),
  authorId: z.string().min(1),
  rating: z.number().int().min(1).max(5),
  status: z.enum(["PUBLISHED", "PENDING"]),
  submittedAt: z.string(),
});
export type ReviewSubmitted = z.infer<typeof reviewSubmitted>;

export const reviewModerated = z.object({
  reviewId: z.string().min(1),
  vendorId: z.string().min(1),
  decision: z.enum(["APPROVED", "REJECTED"]),
  moderatorId: z.string().min(1),
  at: z.string(),
});
export type ReviewModerated = z.infer<typeof reviewModerated>;

/** A vendor's rating over its published reviews moved; `average` is null without any. */
export const ratingChanged = z.object({
  vendorId: z.string().min(1),
  average: z.number().nullable(),
  count: z.number().int().nonnegative(),
  updatedAt: z.string(),
});
export type RatingChanged = z.infer<typeof ratingChanged>;

/** A person favorited a vendor, or stopped; only sent when something changed. */
export const favoriteChanged = z.object({
  userId: z.string().min(1),
  vendorId: z.string().min(1),
  at: z.string(),
});
export type FavoriteChanged = z.infer<typeof favoriteChanged>;

/** Loyalty points moved: earned (`points_earned`) or spent on a reward (`reward_redeemed`); `points` is positive. */
export const pointsMoved = z.object({
  userId: z.string().min(1),
  vendorId: z.string().min(1),
  points: z.number().int().positive(),
  /** The points ledger entry that records the move. */
  entryId: z.string().min(1),
  /** CHECK_IN, REVIEW, PURCHASE, ADJUSTMENT or REDEMPTION. */
  reason: z.string(),
  at: z.string(),
});
export type PointsMoved = z.infer<typeof pointsMoved>;

/** A person deleted their account: projections of their personal data must be erased. */
export const userDeleted = z.object({
  userId: z.string().min(1),
  at: z.string(),
});
export type UserDeleted = z.infer<typeof userDeleted>;

/**
 * A customer paid a vendor (announced by the payment provider integration); loyalty programs award
 * points for it. `amountMinor` is in the currency's minor unit (cents).
 */
export const purchaseCompleted = z.object({
  purchaseId: z.string().min(1),
  userId: z.string().min(1),
  vendorId: z.string().min(1),
  amountMinor: z.number().int().nonnegative(),
  /** ISO 4217, such as USD. */
  currency: z.string().length(3),
  at: z.string(),
});
export type PurchaseCompleted = z.infer<typeof purchaseCompleted>;

/**
 * Money went back to a customer for a purchase (announced by the payment provider integration),
 * once per refund. `amountRefundedMinor` is everything refunded on the purchase so far, so it only
 * grows: order refunds of one purchase by it.
 */
export const purchaseRefunded = z.object({
  /** The refunded purchase: the `purchaseId` of its `payment.purchase_completed`. */
  purchaseId: z.string().min(1),
  /** Who paid and whom, when the payment carried them. */
  userId: z.string().min(1).optional(),
  vendorId: z.string().min(1).optional(),
  /** The purchase's amount, in the currency's minor unit. */
  amountMinor: z.number().int().nonnegative(),
  amountRefundedMinor: z.number().int().nonnegative(),
  /** ISO 4217, such as USD. */
  currency: z.string().length(3),
  /** Whether the whole amount has been refunded. */
  fullyRefunded: z.boolean(),
  at: z.string(),
});
export type PurchaseRefunded = z.infer<typeof purchaseRefunded>;

/**
 * A vendor's plan subscription moved through its life (announced by the in-app purchase
 * integration). A cancelled subscription still grants its plan until `expiresAt`; an expired one
 * no longer does. Order changes of one subscription by `at`.
 */
export const subscriptionChanged = z.object({
  vendorId: z.string().min(1),
  /** Stable across renewals: the store's original transaction, so all changes of one subscription share it. */
  subscriptionId: z.string().min(1),
  provider: z.enum(["REVENUECAT"]),
  change: z.enum([
    "STARTED",
    "RENEWED",
    "CANCELLED",
    "UNCANCELLED",
    "EXPIRED",
    "PRODUCT_CHANGED",
    "BILLING_ISSUE",
    "PAUSED",
    "EXTENDED",
  ]),
  /** The plan's product at the store. */
  productId: z.string().min(1),
  /** For PRODUCT_CHANGED: the product switched to. */
  newProductId: z.string().min(1).optional(),
  /** What the subscription unlocks (RevenueCat entitlements). */
  entitlementIds: z.array(z.string()),
  /** TRIAL, INTRO, NORMAL, PROMOTIONAL or PREPAID, as the store reports it. */
  periodType: z.string().optional(),
  /** Until when the plan is granted, ISO 8601; null when the store gives no end. */
  expiresAt: z.string().nullable(),
  /** SANDBOX for test purchases, which must never unlock a real plan. */
  environment: z.enum(["PRODUCTION", "SANDBOX"]),
  at: z.string(),
});
export type SubscriptionChanged = z.infer<typeof subscriptionChanged>;

/** A vendor's menu changed: the whole current menu, available items only, in menu order. */
export const menuUpdated = z.object({
  vendorId: z.string().min(1),
  items: z.array(
    z.object({ name: z.string(), description: z.string().nullable(), dietaryTags: z.array(z.string()) }),
  ),
  updatedAt: z.string(),
});
export type MenuUpdated = z.infer<typeof menuUpdated>;

/** A span of time, as ISO 8601 instants: from `start` until just before `end`. */
export const instantInterval = z.object({ start: z.string(), end: z.string() });
export type InstantInterval = z.infer<typeof instantInterval>;

/**
 * A vendor's opening hours were replaced, or republished with a later horizon (same `updatedAt`);
 * read `Vendor.schedule` for the hours themselves. `openIntervals` are the hours as instants, so
 * other subgraphs can tell "open at t" without time-zone rules: sorted, merged, covering the time
 * from publishing to `horizonEnd`. Marketplace republishes well before the horizon runs out; past
 * it, nothing is known. Order updates of one vendor by `updatedAt`, then `horizonEnd`.
 */
export const scheduleUpdated = z.object({
  vendorId: z.string().min(1),
  /** The IANA time zone the hours are in. */
  timeZone: z.string().min(1),
  updatedAt: z.string(),
  /** When the schedule has the vendor open, up to `horizonEnd`; absent from older publishers. */
  openIntervals: z.array(instantInterval).optional(),
  /** Until when `openIntervals` speak for the schedule. */
  horizonEnd: z.string().optional(),
});
export type ScheduleUpdated = z.infer<typeof scheduleUpdated>;

/**
 * A chat message was sent in a conversation between a customer and a vendor (the vendor speaks
 * through its owner account). `recipientId` is the other participant, to be notified; `preview`
 * is the start of the text, for a notification, not a copy of the conversation.
 */
export const messageSent = z.object({
  messageId: z.string().min(1),
  conversationId: z.string().min(1),
  vendorId: z.string().min(1),
  senderId: z.string().min(1),
  /** Which side wrote: the customer, or the vendor through its owner. */
  senderSide: z.enum(["CUSTOMER", "VENDOR"]),
  recipientId: z.string().min(1),
  /** At most 140 characters of the message. */
  preview: z.string(),
  sentAt: z.string(),
});
export type MessageSent = z.infer<typeof messageSent>;

/** A support ticket was opened, replied to, assigned or closed; `state` is where it is now. */
export const ticketUpdated = z.object({
  ticketId: z.string().min(1),
  /** The person who opened the ticket. */
  requesterId: z.string().min(1),
  change: z.enum(["OPENED", "REPLIED", "ASSIGNED", "CLOSED"]),
  state: z.enum(["OPEN", "ASSIGNED", "PENDING", "CLOSED"]),
  /** The admin the ticket is assigned to, if any. */
  assigneeId: z.string().nullable(),
  /** Who made the change: the requester or an admin. */
  actorId: z.string().min(1),
  at: z.string(),
});
export type TicketUpdated = z.infer<typeof ticketUpdated>;

/**
 * A person changed notification switches through marketplace's deprecated
 * `UpdatePreferencesInput.notifications`: each category given, with all three channels. Communication
 * applies them to the settings it sends by; a category it has no topic for is ignored there.
 */
export const notificationPreferencesChanged = z.object({
  userId: z.string().min(1),
  preferences: z.array(
    z.object({
      category: z.enum(["FAVORITE_NEARBY", "PROMOTIONS", "MESSAGES", "LOYALTY"]),
      push: z.boolean(),
      email: z.boolean(),
      sms: z.boolean(),
    }),
  ),
  /** When the change was made: a topic changed later (through either subgraph) keeps its later switches. */
  at: z.string(),
});
export type NotificationPreferencesChanged = z.infer<typeof notificationPreferencesChanged>;

/**
 * An admin revoked a partner API key: it opens nothing from now on. Communication stops the key's
 * webhook subscriptions and gives up their waiting deliveries.
 */
export const partnerKeyRevoked = z.object({
  keyId: z.string().min(1),
  revokedAt: z.string(),
});
export type PartnerKeyRevoked = z.infer<typeof partnerKeyRevoked>;

/**
 * Every domain event, by name. Names are `<subgraph>.<what happened>` in the past tense; a payload
 * only ever gains optional fields, so old consumers keep working.
 */
export const eventCatalogue = {
  "marketplace.user_registered": userRegistered,
  "marketplace.vendor_created": vendorSnapshot,
  "marketplace.vendor_updated": vendorSnapshot,
  "marketplace.vendor_submitted": vendorReviewStep,
  "marketplace.vendor_verified": vendorReviewStep,
  "marketplace.vendor_rejected": vendorReviewStep,
  "location.vendor_location_updated": vendorLocationUpdated,
  "location.geofence_triggered": geofenceTriggered,
  "marketplace.review_submitted": reviewSubmitted,
  "marketplace.review_moderated": reviewModerated,
  "marketplace.rating_changed": ratingChanged,
  "marketplace.favorite_added": favoriteChanged,
  "marketplace.favorite_removed": favoriteChanged,
  "marketplace.points_earned": pointsMoved,
  "marketplace.reward_redeemed": pointsMoved,
  "marketplace.user_deleted": userDeleted,
  "payment.purchase_completed": purchaseCompleted,
  "payment.refunded": purchaseRefunded,
  "payment.subscription_changed": subscriptionChanged,
  "marketplace.menu_updated": menuUpdated,
  "marketplace.schedule_updated": scheduleUpdated,
  "communication.message_sent": messageSent,
  "communication.ticket_updated": ticketUpdated,
  "marketplace.notification_preferences_changed": notificationPreferencesChanged,
  "marketplace.partner_key_revoked": partnerKeyRevoked,
} as const;

export type EventType = keyof typeof eventCatalogue;
export type EventPayload<T extends EventType> = z.infer<(typeof eventCatalogue)[T]>;

export interface DomainEvent<T extends EventType = EventType> {
  /** Unique per event: consumers use it to ignore a redelivery. */
  id: string;
  type: T;
  payload: EventPayload<T>;
  occurredAt: string;
  /**
   * The W3C `traceparent` of the request that produced the event, when it was traced: a consumer's
   * span links to it. Optional, so events written before it (or untraced) read the same.
   */
  traceparent?: string;
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalogue, type);
}

/** Rebuilds an event read from the wire, rejecting unknown types and malformed payloads. */
export function parseEvent(raw: {
  id: string;
  type: string;
  payload: unknown;
  occurredAt: string;
  traceparent?: string | undefined;
}): DomainEvent {
  if (!isEventType(raw.type)) throw new Error(`unknown event type ${raw.type}`);
  const payload = eventCatalogue[raw.type].parse(raw.payload);
  return {
    id: raw.id,
    type: raw.type,
    payload,
    occurredAt: raw.occurredAt,
    ...(raw.traceparent ? { traceparent: raw.traceparent } : {}),
  } as DomainEvent;
}

/** What an event is about: the event store files every event under one aggregate. */
export type AggregateType =
  | "vendor"
  | "user"
  | "review"
  | "purchase"
  | "geofence"
  | "conversation"
  | "ticket"
  | "partner_key";

export interface AggregateRef {
  type: AggregateType;
  id: string;
}

/**
 * The aggregate of each event type: the one place that decides it, so a new event type does not
 * compile until it is filed somewhere. A favorite or a points move belongs to the person's own
 * record (their favorites, their ledger); a rating, a menu or opening hours to the vendor's.
 */
const aggregates: { [T in EventType]: (payload: EventPayload<T>) => AggregateRef } = {
  "marketplace.user_registered": (p) => ({ type: "user", id: p.userId }),
  "marketplace.vendor_created": (p) => ({ type: "vendor", id: p.vendorId }),
  "marketplace.vendor_updated": (p) => ({ type: "vendor", id: p.vendorId }),
  "marketplace.vendor_submitted": (p) => ({ type: "vendor", id: p.vendorId }),
  "marketplace.vendor_verified": (p) => ({ type: "vendor", id: p.vendorId }),
  "marketplace.vendor_rejected": (p) => ({ type: "vendor", id: p.vendorId }),
  "location.vendor_location_updated": (p) => ({ type: "vendor", id: p.vendorId }),
  "location.geofence_triggered": (p) => ({ type: "geofence", id: p.fenceId }),
  "marketplace.review_submitted": (p) => ({ type: "review", id: p.reviewId }),
  "marketplace.review_moderated": (p) => ({ type: "review", id: p.reviewId }),
  "marketplace.rating_changed": (p) => ({ type: "vendor", id: p.vendorId }),
  "marketplace.favorite_added": (p) => ({ type: "user", id: p.userId }),
  "marketplace.favorite_removed": (p) => ({ type: "user", id: p.userId }),
  "marketplace.points_earned": (p) => ({ type: "user", id: p.userId }),
  "marketplace.reward_redeemed": (p) => ({ type: "user", id: p.userId }),
  "marketplace.user_deleted": (p) => ({ type: "user", id: p.userId }),
  "payment.purchase_completed": (p) => ({ type: "purchase", id: p.purchaseId }),
  "payment.refunded": (p) => ({ type: "purchase", id: p.purchaseId }),
  "payment.subscription_changed": (p) => ({ type: "vendor", id: p.vendorId }),
  "marketplace.menu_updated": (p) => ({ type: "vendor", id: p.vendorId }),
  "marketplace.schedule_updated": (p) => ({ type: "vendor", id: p.vendorId }),
  "communication.message_sent": (p) => ({ type: "conversation", id: p.conversationId }),
  "communication.ticket_updated": (p) => ({ type: "ticket", id: p.ticketId }),
  "marketplace.notification_preferences_changed": (p) => ({ type: "user", id: p.userId }),
  "marketplace.partner_key_revoked": (p) => ({ type: "partner_key", id: p.keyId }),
};

export const AGGREGATE_TYPES: readonly AggregateType[] = [
  "vendor",
  "user",
  "review",
  "purchase",
  "geofence",
  "conversation",
  "ticket",
  "partner_key",
];

export function aggregateOf<T extends EventType>(event: DomainEvent<T>): AggregateRef {
  const of = aggregates[event.type] as (payload: EventPayload<T>) => AggregateRef;
  return of(event.payload);
}

/** Every event type, in catalogue order. */
export const EVENT_TYPES = Object.keys(eventCatalogue) as EventType[];
