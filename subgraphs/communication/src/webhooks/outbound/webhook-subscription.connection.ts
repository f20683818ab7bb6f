import { PageInfo } from "@venta/kit";
import { Field, Int, ObjectType } from "type-graphql";
import { WebhookSubscription } from "./webhook-subscription.type.js";

@ObjectType({ description: "A webhook subscription in a list, with the cursor that points at it." })
export class WebhookSubscriptionEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => WebhookSubscription, { description: "The subscription." })
  node!: WebhookSubscription;
}

@ObjectType({ description: "A page of webhook subscriptions (Relay cursor connection), newest first." })
export class WebhookSubscriptionConnection {
  @Field(() => [WebhookSubscriptionEdge], { description: "The subscriptions on this page." })
  edges!: WebhookSubscriptionEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many subscriptions the list has in all." })
  totalCount!: number;
}
