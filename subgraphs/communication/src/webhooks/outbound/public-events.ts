import type {
  DomainEvent,
  EventType,
  GeofenceTriggered,
  RatingChanged,
  ReviewModerated,
  ReviewSubmitted,
  VendorReviewStep,
  VendorSnapshot,
} from "@venta/events";

/**
 * The event types partners may subscribe to: the public face of a few domain events. Each has a
 * stable name and data shape; a shape only ever gains fields. Personal data (who wrote a review,
 * whose alert zone a vendor crossed) never leaves in a webhook.
 */
export const PUBLIC_EVENT_TYPES = [
  "vendor.verified",
  "vendor.updated",
  "vendor.rating_changed",
  "review.published",
  "geofence.triggered",
] as const;
export type PublicEventType = (typeof PUBLIC_EVENT_TYPES)[number];

export const isPublicEventType = (type: string): type is PublicEventType =>
  (PUBLIC_EVENT_TYPES as readonly string[]).includes(type);

/** What a partner receives: the body of every delivery, signed as it is sent. */
export interface PublicEvent {
  /** Unique per event, the same on every delivery attempt: a receiver ignores ids it has seen. */
  id: string;
  type: PublicEventType;
  /** When the event happened, ISO 8601. */
  createdAt: string;
  data: Record<string, unknown>;
}

/** The domain events some public event is made from: what the fan-out consumer reads. */
export const SOURCE_EVENT_TYPES: readonly EventType[] = [
  "marketplace.vendor_created",
  "marketplace.vendor_verified",
  "marketplace.vendor_updated",
  "marketplace.rating_changed",
  "marketplace.review_submitted",
  "marketplace.review_moderated",
  "location.geofence_triggered",
];

/** Customers see a vendor once it is verified; a snapshot without the field predates onboarding. */
const shown = (vendor: VendorSnapshot) =>
  vendor.verification === undefined || vendor.verification === "VERIFIED";

function publicShape(event: DomainEvent): { type: PublicEventType; data: Record<string, unknown> } | null {
  switch (event.type) {
    case "marketplace.vendor_created": {
      // A vendor created verified (by an admin, or imported) appears at once.
      const vendor = event.payload as VendorSnapshot;
      if (!shown(vendor)) return null;
      return { type: "vendor.verified", data: { vendorId: vendor.vendorId, verifiedAt: vendor.updatedAt } };
    }
    case "marketplace.vendor_verified": {
      const step = event.payload as VendorReviewStep;
      return { type: "vendor.verified", data: { vendorId: step.vendorId, verifiedAt: step.at } };
    }
    case "marketplace.vendor_updated": {
      const vendor = event.payload as VendorSnapshot;
      if (!shown(vendor)) return null;
      return {
        type: "vendor.updated",
        data: {
          vendorId: vendor.vendorId,
          name: vendor.name,
          cuisines: vendor.cuisines,
          description: vendor.description ?? null,
          status: vendor.status,
          updatedAt: vendor.updatedAt,
        },
      };
    }
    case "marketplace.rating_changed": {
      const rating = event.payload as RatingChanged;
      return {
        type: "vendor.rating_changed",
        data: {
          vendorId: rating.vendorId,
          averageRating: rating.average,
          reviewCount: rating.count,
          updatedAt: rating.updatedAt,
        },
      };
    }
    case "marketplace.review_submitted": {
      const review = event.payload as ReviewSubmitted;
      if (review.status !== "PUBLISHED") return null;
      return {
        type: "review.published",
        data: { reviewId: review.reviewId, vendorId: review.vendorId, publishedAt: review.submittedAt },
      };
    }
    case "marketplace.review_moderated": {
      const decision = event.payload as ReviewModerated;
      if (decision.decision !== "APPROVED") return null;
      return {
        type: "review.published",
        data: { reviewId: decision.reviewId, vendorId: decision.vendorId, publishedAt: decision.at },
      };
    }
    case "location.geofence_triggered": {
      const crossing = event.payload as GeofenceTriggered;
      // A person's alert zone is theirs alone: only vendors' own zones are public.
      if (crossing.fenceKind !== "VENDOR_ZONE") return null;
      return {
        type: "geofence.triggered",
        data: {
          fenceId: crossing.fenceId,
          zoneVendorId: crossing.ownerId,
          vendorId: crossing.vendorId,
          transition: crossing.transition,
          lat: crossing.lat,
          lng: crossing.lng,
          at: crossing.at,
        },
      };
    }
    default:
      return null;
  }
}

/**
 * The public event a domain event becomes, or null when partners are not told about it. The id is
 * the domain event's, so a redelivered domain event makes the same public event.
 */
export function toPublicEvent(event: DomainEvent): PublicEvent | null {
  const shape = publicShape(event);
  if (!shape) return null;
  return { id: `evt_${event.id}`, type: shape.type, createdAt: event.occurredAt, data: shape.data };
}
