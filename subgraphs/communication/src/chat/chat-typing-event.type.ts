import { Field, ID, ObjectType } from "type-graphql";
import { ChatSideEnum } from "./chat-side.enum.js";
import type { ChatSide } from "./conversation.record.js";

/** A typing indicator is renewed while the person types; after this long without news it lapses. */
export const TYPING_LAPSES_AFTER_SECONDS = 10;

@ObjectType({
  description:
    "The other participant started or stopped typing. Show the indicator until `isTyping` is false or `expiresAt` passes.",
})
export class ChatTypingEvent {
  @Field(() => ID, { description: "The conversation being typed in." })
  conversationId!: string;

  @Field(() => ID, { description: "The account typing." })
  userId!: string;

  @Field(() => ChatSideEnum, { description: "Which side is typing." })
  side!: ChatSide;

  @Field(() => Boolean, { description: "True while typing; false once the person stopped." })
  isTyping!: boolean;

  @Field(() => Date, { description: "When the person reported it (ISO 8601)." })
  at!: Date;

  @Field(() => Date, {
    nullable: true,
    description: "When to hide the indicator if no newer event arrives; null when `isTyping` is false.",
  })
  expiresAt!: Date | null;
}
