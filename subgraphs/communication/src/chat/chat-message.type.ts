import { Field, ID, ObjectType } from "type-graphql";
import { ChatSideEnum } from "./chat-side.enum.js";
import type { ChatSide } from "./conversation.record.js";

/** Every field comes from communication itself, so live messages need no other subgraph; `erased` is resolved beside it. */
@ObjectType({ description: "A message in a conversation between a customer and a vendor." })
export class ChatMessage {
  @Field(() => ID, { description: "Stable identifier of the message." })
  id!: string;

  @Field(() => ID, { description: "The conversation the message belongs to." })
  conversationId!: string;

  @Field(() => ID, {
    description:
      "The account that wrote the message; once that account is deleted, an id that stands for it in this conversation only.",
  })
  senderId!: string;

  @Field(() => ChatSideEnum, { description: "Which side wrote the message." })
  senderSide!: ChatSide;

  @Field(() => String, {
    description: "What was written: 1 to 4000 characters, trimmed; empty when `erased`.",
  })
  text!: string;

  @Field(() => String, {
    nullable: true,
    description: "The sender's own key for the message, as given to `sendMessage`; null when none was given.",
  })
  clientMessageId!: string | null;

  @Field(() => Date, { description: "When the message was sent (ISO 8601)." })
  sentAt!: Date;
}
