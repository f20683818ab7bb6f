import { PageInfo } from "@venta/kit";
import { Field, Int, ObjectType } from "type-graphql";
import { WebhookDelivery } from "./webhook-delivery.type.js";

@ObjectType({ description: "A webhook delivery in a list, with the cursor that points at it." })
export class WebhookDeliveryEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => WebhookDelivery, { description: "The delivery." })
  node!: WebhookDelivery;
}

@ObjectType({ description: "A page of webhook deliveries (Relay cursor connection), newest first." })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge], { description: "The deliveries on this page." })
  edges!: WebhookDeliveryEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many deliveries match the filter in all." })
  totalCount!: number;
}
