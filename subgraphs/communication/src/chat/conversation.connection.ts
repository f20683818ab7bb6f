import { PageInfo } from "@venta/kit";
import { Field, Int, ObjectType } from "type-graphql";
import { Conversation } from "./conversation.type.js";

@ObjectType({ description: "A conversation in a list." })
export class ConversationEdge {
  @Field(() => String, { description: "Opaque position of this edge; pass it as `after` to continue." })
  cursor!: string;

  @Field(() => Conversation, { description: "The conversation." })
  node!: Conversation;
}

@ObjectType({ description: "A page of conversations (Relay cursor connection), most recent activity first." })
export class ConversationConnection {
  @Field(() => [ConversationEdge], { description: "The conversations on this page." })
  edges!: ConversationEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many conversations the list has in all." })
  totalCount!: number;
}
