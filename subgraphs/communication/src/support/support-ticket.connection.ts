import { PageInfo } from "@venta/kit";
import { Field, Int, ObjectType } from "type-graphql";
import { SupportTicket } from "./support-ticket.type.js";
import { SupportTicketReply } from "./support-ticket-reply.type.js";

@ObjectType({ description: "A support ticket in a list." })
export class SupportTicketEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => SupportTicket, { description: "The ticket." })
  node!: SupportTicket;
}

@ObjectType({
  description: "A page of support tickets (Relay cursor connection), in the order the list states.",
})
export class SupportTicketConnection {
  @Field(() => [SupportTicketEdge], { description: "The tickets on this page." })
  edges!: SupportTicketEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many tickets the list has in all." })
  totalCount!: number;
}

@ObjectType({ description: "A reply in a list." })
export class SupportTicketReplyEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => SupportTicketReply, { description: "The reply." })
  node!: SupportTicketReply;
}

@ObjectType({ description: "A page of a ticket's replies (Relay cursor connection), oldest first." })
export class SupportTicketReplyConnection {
  @Field(() => [SupportTicketReplyEdge], { description: "The replies on this page." })
  edges!: SupportTicketReplyEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the thread." })
  pageInfo!: PageInfo;
}
