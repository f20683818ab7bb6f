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
  "marketplace.review_submitted": reviewSubmitted,
  "marketplace.review_moderated": reviewModerated,
  "marketplace.rating_changed": ratingChanged,
  "marketplace.favorite_added": favoriteChanged,
  "marketplace.favorite_removed": favoriteChanged,
  "marketplace.points_earned": pointsMoved,
  "marketplace.reward_redeemed": pointsMoved,
  "marketplace.user_deleted": userDeleted,
  "payment.purchase_completed": purchaseCompleted,
  "marketplace.menu_updated": menuUpdated,
  "marketplace.schedule_updated": scheduleUpdated,
} as const;

export type EventType = keyof typeof eventCatalogue;
export type EventPayload<T extends EventType> = z.infer<(typeof eventCatalogue)[T]>;

export interface DomainEvent<T extends EventType = EventType> {
  /** Unique per event: consumers use it to ignore a redelivery. */
  id: string;
  type: T;
  payload: EventPayload<T>;
  occurredAt: string;
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
}): DomainEvent {
  if (!isEventType(raw.type)) throw new Error(`unknown event type ${raw.type}`);
  const payload = eventCatalogue[raw.type].parse(raw.payload);
  return { id: raw.id, type: raw.type, payload, occurredAt: raw.occurredAt } as DomainEvent;
}
