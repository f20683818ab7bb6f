import { FieldResolver, Resolver, Root } from "type-graphql";
import { ChatMessage } from "./chat-message.type.js";
import type { MessageRecord } from "./conversation.record.js";

@Resolver(() => ChatMessage)
export class ChatMessageFieldsResolver {
  @FieldResolver(() => Boolean, {
    description:
      "True when the customer who wrote the message deleted their account, and the text went with it: `text` is then empty.",
  })
  erased(@Root() message: MessageRecord): boolean {
    // A sent message has at least one character: only erasure leaves none.
    return message.text === "";
  }
}
