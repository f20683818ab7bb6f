import { Field, ID, ObjectType } from "type-graphql";
import { ChatSideEnum } from "./chat-side.enum.js";
import type { ChatSide } from "./conversation.record.js";

@ObjectType({ description: "How far one side of a conversation has read." })
export class ChatReadReceipt {
  @Field(() => ChatSideEnum, { description: "The side that read." })
  side!: ChatSide;

  @Field(() => ID, { description: "The last message that side has read; every earlier one is read too." })
  lastReadMessageId!: string;

  @Field(() => Date, { description: "When that side read up to it (ISO 8601)." })
  readAt!: Date;
}
