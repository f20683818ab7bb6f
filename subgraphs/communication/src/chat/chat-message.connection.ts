import { PageInfo } from "@venta/kit";
import { Field, ObjectType } from "type-graphql";
import { ChatMessage } from "./chat-message.type.js";

@ObjectType({ description: "A message in a list." })
export class ChatMessageEdge {
  @Field(() => String, {
    description: "Opaque position of this edge; pass the first one as `before` for older messages.",
  })
  cursor!: string;

  @Field(() => ChatMessage, { description: "The message." })
  node!: ChatMessage;
}

@ObjectType({
  description:
    "A page of a conversation's messages (Relay cursor connection, paged backwards): the newest page first, each page in the order the messages were sent.",
})
export class ChatMessageConnection {
  @Field(() => [ChatMessageEdge], { description: "The messages on this page, oldest first." })
  edges!: ChatMessageEdge[];

  @Field(() => PageInfo, {
    description:
      "Where this page sits: `hasPreviousPage` tells whether older messages remain, `startCursor` fetches them.",
  })
  pageInfo!: PageInfo;
}
