import { PageInfo } from "@venta/kit";
import { Field, Int, ObjectType } from "type-graphql";
import { InboundWebhookEvent } from "./inbound-event.type.js";

@ObjectType({ description: "A received webhook event in a list, with the cursor that points at it." })
export class InboundWebhookEventEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => InboundWebhookEvent, { description: "The received event." })
  node!: InboundWebhookEvent;
}

@ObjectType({ description: "A page of received webhook events (Relay cursor connection), newest first." })
export class InboundWebhookEventConnection {
  @Field(() => [InboundWebhookEventEdge], { description: "The events on this page." })
  edges!: InboundWebhookEventEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many events match the filter in all." })
  totalCount!: number;
}
