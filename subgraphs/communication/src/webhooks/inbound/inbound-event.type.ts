import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import type { InboundEventStatus, InboundProvider } from "./inbound-event.record.js";

export const InboundWebhookProviderEnum = {
  CLERK: "CLERK",
  STRIPE: "STRIPE",
  REVENUECAT: "REVENUECAT",
} as const satisfies { [K in InboundProvider]: K };

registerEnumType(InboundWebhookProviderEnum, {
  name: "InboundWebhookProvider",
  description: "A service that sends Venta webhooks.",
  valuesConfig: {
    CLERK: {
      description: "Clerk, the identity provider: account changes, at `/webhooks/clerk` (Svix signatures).",
    },
    STRIPE: { description: "Stripe: payments and refunds, at `/webhooks/stripe` (`Stripe-Signature`)." },
    REVENUECAT: {
      description:
        "RevenueCat: vendor plan subscriptions, at `/webhooks/revenuecat` (`Authorization` header).",
    },
  },
});

export const InboundWebhookStatusEnum = {
  PENDING: "PENDING",
  PROCESSED: "PROCESSED",
  IGNORED: "IGNORED",
  FAILED: "FAILED",
} as const satisfies { [K in InboundEventStatus]: K };

registerEnumType(InboundWebhookStatusEnum, {
  name: "InboundWebhookStatus",
  description: "Where a received webhook event is in its processing.",
  valuesConfig: {
    PENDING: { description: "Stored and waiting to be processed, or to be retried after a failure." },
    PROCESSED: { description: "Processed: its effects are applied and its domain events announced." },
    IGNORED: { description: "Verified and kept, but of a kind Venta does nothing with; `detail` says why." },
    FAILED: { description: "Processing gave up after its attempts; an admin may retry it." },
  },
});

@ObjectType({
  description:
    "An event a provider sent to one of Venta's webhook endpoints, verified and stored exactly as received. ADMIN only.",
})
export class InboundWebhookEvent {
  @Field(() => ID, { description: "`<provider>:<provider event id>`, such as `stripe:evt_1Nq…`." })
  id!: string;

  @Field(() => InboundWebhookProviderEnum, { description: "Who sent it." })
  provider!: InboundProvider;

  @Field(() => String, {
    description:
      "The provider's id of the event (Svix message id for Clerk); a replay with the same id is ignored.",
  })
  providerEventId!: string;

  @Field(() => String, { description: "The provider's event type, such as `user.created` or `RENEWAL`." })
  type!: string;

  @Field(() => InboundWebhookStatusEnum, { description: "Where it is in its processing." })
  status!: InboundEventStatus;

  @Field(() => Int, { description: "Processing attempts so far (an admin's retry starts a fresh count)." })
  attempts!: number;

  @Field(() => String, {
    nullable: true,
    description: "The last processing failure, or why the event was IGNORED; null otherwise.",
  })
  detail!: string | null;

  @Field(() => Date, { description: "When it arrived (ISO 8601)." })
  receivedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: "When it was processed or ignored (ISO 8601); null before.",
  })
  processedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When a PENDING event is next tried (ISO 8601); null in every other status.",
  })
  nextAttemptAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The body exactly as received (JSON text). It may hold personal data, so it is removed (null) when the person it is about is erased, and some days after the event was processed or ignored.",
  })
  payload!: string | null;
}
