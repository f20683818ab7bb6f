import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import type { PublicEventType } from "./public-events.js";
import type { WebhookDeliveryStatus } from "./webhook-delivery.record.js";
import { WebhookEventTypeEnum } from "./webhook-subscription.type.js";

export const WebhookDeliveryStatusEnum = {
  PENDING: "PENDING",
  SUCCEEDED: "SUCCEEDED",
  FAILED: "FAILED",
} as const satisfies { [K in WebhookDeliveryStatus]: K };

registerEnumType(WebhookDeliveryStatusEnum, {
  name: "WebhookDeliveryStatus",
  description: "Where a webhook delivery is.",
  valuesConfig: {
    PENDING: { description: "Not delivered yet: the next attempt is at `nextRetryAt`." },
    SUCCEEDED: { description: "The endpoint answered 2xx." },
    FAILED: {
      description:
        "Given up: its attempts ran out, or its subscription was disabled. `retryWebhookDelivery` sends it again.",
    },
  },
});

@ObjectType({ description: "One POST of a delivery to the endpoint." })
export class WebhookDeliveryAttempt {
  @Field(() => Int, { description: "1 for the first attempt." })
  number!: number;

  @Field(() => Date, {
    description: "When it was sent (ISO 8601); its `Venta-Signature` timestamp is this instant.",
  })
  attemptedAt!: Date;

  @Field(() => Int, {
    nullable: true,
    description:
      "The endpoint's HTTP status; null when no answer came (timeout, refused connection, unknown host).",
  })
  responseStatus!: number | null;

  @Field(() => Int, {
    description: "How long the endpoint took to answer, or until Venta gave up waiting, in milliseconds.",
  })
  durationMs!: number;

  @Field(() => Boolean, { description: "Whether the endpoint answered 2xx in time." })
  succeeded!: boolean;

  @Field(() => String, { nullable: true, description: "What went wrong, in a sentence; null on success." })
  error!: string | null;
}

@ObjectType({
  description:
    "One event on its way to one webhook subscription, with every attempt. Each attempt sends the same body and `Venta-Event-Id`, signed afresh.",
})
export class WebhookDelivery {
  @Field(() => ID, { description: "Stable identifier of the delivery." })
  id!: string;

  @Field(() => ID, { description: "The subscription it goes to." })
  subscriptionId!: string;

  @Field(() => String, {
    description:
      "The event's id (`Venta-Event-Id`), the same on every attempt: receivers ignore ids they have seen.",
  })
  eventId!: string;

  @Field(() => WebhookEventTypeEnum, { description: "The event's type." })
  eventType!: PublicEventType;

  @Field(() => WebhookDeliveryStatusEnum, { description: "Where the delivery is." })
  status!: WebhookDeliveryStatus;

  @Field(() => [WebhookDeliveryAttempt], { description: "Every attempt so far, oldest first." })
  attempts!: WebhookDeliveryAttempt[];

  @Field(() => Int, { description: "How many attempts were made." })
  attemptCount!: number;

  @Field(() => Int, {
    nullable: true,
    description: "The last attempt's HTTP status; null before any, or when none came.",
  })
  lastResponseStatus!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "The last attempt's duration in milliseconds; null before any.",
  })
  lastDurationMs!: number | null;

  @Field(() => Date, {
    nullable: true,
    description: "When a PENDING delivery is attempted next (ISO 8601); null otherwise.",
  })
  nextRetryAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Why it FAILED; null otherwise." })
  failureReason!: string | null;

  @Field(() => String, { description: "The exact JSON body sent." })
  payload!: string;

  @Field(() => Date, { description: "When the event was queued for this subscription (ISO 8601)." })
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: "When the endpoint accepted it (ISO 8601); null until then.",
  })
  deliveredAt!: Date | null;
}
