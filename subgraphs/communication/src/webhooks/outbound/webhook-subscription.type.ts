import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import type { PublicEventType } from "./public-events.js";
import type { WebhookDisabledReason, WebhookSubscriptionStatus } from "./webhook-subscription.record.js";

/** GraphQL names for the public event types; the values are the `type` a delivery's body carries. */
export const WebhookEventTypeEnum = {
  VENDOR_VERIFIED: "vendor.verified",
  VENDOR_UPDATED: "vendor.updated",
  VENDOR_RATING_CHANGED: "vendor.rating_changed",
  REVIEW_PUBLISHED: "review.published",
  GEOFENCE_TRIGGERED: "geofence.triggered",
} as const satisfies Record<string, PublicEventType>;

registerEnumType(WebhookEventTypeEnum, {
  name: "WebhookEventType",
  description:
    "An event partners can receive by webhook. A delivery's JSON body is `{ id, type, createdAt, data }`; `type` is the lower-case name given with each value, and `data` has the fields listed there (more may be added, never removed).",
  valuesConfig: {
    VENDOR_VERIFIED: {
      description:
        "`vendor.verified`: a vendor became visible to customers (passed review, or was created verified). data: `vendorId`, `verifiedAt`.",
    },
    VENDOR_UPDATED: {
      description:
        "`vendor.updated`: a visible vendor's public profile changed. data: `vendorId`, `name`, `cuisines`, `description`, `status` (OPEN or CLOSED), `updatedAt`.",
    },
    VENDOR_RATING_CHANGED: {
      description:
        "`vendor.rating_changed`: a vendor's rating over its published reviews moved. data: `vendorId`, `averageRating` (null without reviews), `reviewCount`, `updatedAt`.",
    },
    REVIEW_PUBLISHED: {
      description:
        "`review.published`: a review was published (or a published review edited). data: `reviewId`, `vendorId`, `publishedAt`. The author is never sent.",
    },
    GEOFENCE_TRIGGERED: {
      description:
        "`geofence.triggered`: a vendor entered or left a vendor's zone. data: `fenceId`, `zoneVendorId`, `vendorId`, `transition` (ENTER or EXIT), `lat`, `lng`, `at`. People's own alert zones are never sent.",
    },
  },
});

export const WebhookSubscriptionStatusEnum = {
  ACTIVE: "ACTIVE",
  DISABLED: "DISABLED",
} as const satisfies { [K in WebhookSubscriptionStatus]: K };

registerEnumType(WebhookSubscriptionStatusEnum, {
  name: "WebhookSubscriptionStatus",
  description: "Whether a webhook subscription receives deliveries.",
  valuesConfig: {
    ACTIVE: { description: "Events of its types are delivered." },
    DISABLED: {
      description: "Nothing is delivered until it is enabled again (`enableWebhookSubscription`).",
    },
  },
});

export const WebhookDisabledReasonEnum = {
  FAILING: "FAILING",
  BY_OWNER: "BY_OWNER",
  KEY_REVOKED: "KEY_REVOKED",
} as const satisfies { [K in WebhookDisabledReason]: K };

registerEnumType(WebhookDisabledReasonEnum, {
  name: "WebhookDisabledReason",
  description: "Why a webhook subscription was disabled.",
  valuesConfig: {
    FAILING: { description: "Too many delivery attempts in a row failed (no 2xx answer in time)." },
    BY_OWNER: { description: "Its partner or an admin disabled it." },
    KEY_REVOKED: {
      description:
        "Its partner key was revoked: it stays disabled for good, kept so admins can see what the key had.",
    },
  },
});

@ObjectType({
  description:
    "A partner's HTTPS endpoint and the event types it receives. Every delivery is a POST signed with the subscription's secret: see `Venta-Signature` in the webhooks guide (docs/webhooks.md).",
})
export class WebhookSubscription {
  @Field(() => ID, { description: "Stable identifier of the subscription." })
  id!: string;

  @Field(() => ID, { description: "The partner API key that owns it (the key's id, never the key)." })
  partnerKeyId!: string;

  @Field(() => String, { description: "Where deliveries are POSTed." })
  url!: string;

  @Field(() => [WebhookEventTypeEnum], { description: "The event types delivered to it." })
  eventTypes!: PublicEventType[];

  @Field(() => String, {
    nullable: true,
    description: "The partner's own note about the endpoint, up to 200 characters.",
  })
  description!: string | null;

  @Field(() => WebhookSubscriptionStatusEnum, { description: "Whether it receives deliveries." })
  status!: WebhookSubscriptionStatus;

  @Field(() => WebhookDisabledReasonEnum, {
    nullable: true,
    description: "Why it is DISABLED; null while ACTIVE.",
  })
  disabledReason!: WebhookDisabledReason | null;

  @Field(() => Date, { nullable: true, description: "When it was disabled (ISO 8601); null while ACTIVE." })
  disabledAt!: Date | null;

  @Field(() => Int, {
    description:
      "Delivery attempts that failed in a row; a success sets it back to 0, and too many disable the subscription.",
  })
  consecutiveFailures!: number;

  @Field(() => String, {
    description:
      "The first characters of the signing secret (`whsec_` and 4 more), to tell secrets apart; never the whole secret.",
  })
  signingSecretPrefix!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      "Until when the secret replaced by the last rotation still signs deliveries too (ISO 8601); null when there is none.",
  })
  previousSecretExpiresAt!: Date | null;

  @Field(() => Date, { description: "When it was created (ISO 8601)." })
  createdAt!: Date;

  @Field(() => Date, { description: "When it last changed (ISO 8601)." })
  updatedAt!: Date;
}
