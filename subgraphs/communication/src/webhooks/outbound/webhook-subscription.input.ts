import { Field, ID, InputType, ObjectType } from "type-graphql";
import type { PublicEventType } from "./public-events.js";
import { WebhookEventTypeEnum, WebhookSubscription } from "./webhook-subscription.type.js";

@InputType({ description: "A new webhook subscription." })
export class CreateWebhookSubscriptionInput {
  @Field(() => String, {
    description:
      "Where to POST deliveries: an https URL (http is accepted outside production, for local testing). At most 2048 characters, no credentials, no #fragment.",
  })
  url!: string;

  @Field(() => [WebhookEventTypeEnum], { description: "The event types to receive: at least one." })
  eventTypes!: PublicEventType[];

  @Field(() => String, { nullable: true, description: "A note about the endpoint, up to 200 characters." })
  description?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The partner key the subscription belongs to. Admins must give it; a partner may leave it out (its own key) and may give no other.",
  })
  partnerKeyId?: string | null;
}

@InputType({ description: "Changes to a webhook subscription; fields left out stay as they are." })
export class UpdateWebhookSubscriptionInput {
  @Field(() => String, {
    nullable: true,
    description: "A new endpoint URL, under the same rules as on creation.",
  })
  url?: string | null;

  @Field(() => [WebhookEventTypeEnum], {
    nullable: true,
    description: "The new set of event types: at least one.",
  })
  eventTypes?: PublicEventType[] | null;

  @Field(() => String, { nullable: true, description: "A new note; null or empty clears it." })
  description?: string | null;
}

@ObjectType({ description: "A webhook subscription with its signing secret, shown only in this response." })
export class WebhookSubscriptionWithSecret {
  @Field(() => WebhookSubscription, { description: "The subscription." })
  subscription!: WebhookSubscription;

  @Field(() => String, {
    description:
      "The secret that signs every delivery (`whsec_…`): verify `Venta-Signature` with it. Shown only here: store it now, it cannot be read again.",
  })
  signingSecret!: string;
}
