import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { CommunicationContext } from "../context.js";
import type { ChatEventOf } from "./chat-feed.js";
import { ChatMessage } from "./chat-message.type.js";
import { ChatTypingEvent, TYPING_LAPSES_AFTER_SECONDS } from "./chat-typing-event.type.js";
import type { MessageRecord } from "./conversation.record.js";
import { SendMessageInput } from "./send-message.input.js";

/** Turns a typing event into what subscribers see, with when the indicator lapses. */
export function toTypingEvent(event: ChatEventOf<"typing">): ChatTypingEvent {
  return {
    conversationId: event.conversationId,
    userId: event.userId,
    side: event.side,
    isTyping: event.isTyping,
    at: event.at,
    expiresAt: event.isTyping ? new Date(event.at.getTime() + TYPING_LAPSES_AFTER_SECONDS * 1000) : null,
  };
}

/** Writing in a conversation: messages are stored and delivered live; typing is delivered only. */
@Resolver(() => ChatMessage)
export class ChatMessagesResolver {
  @Authorized()
  @Mutation(() => ChatMessage, {
    description:
      "Sends a message in a conversation the signed-in person takes part in; subscribers of `messageAdded` get it at once and the other participant is notified (once per burst of messages they have not read). A conversation whose customer deleted their account takes no more messages (BAD_USER_INPUT).",
  })
  sendMessage(
    @Arg("input", () => SendMessageInput, { description: "The message." }) input: SendMessageInput,
    @Ctx() ctx: CommunicationContext,
  ): Promise<MessageRecord> {
    return ctx.services.chat.send(ctx.viewer, input);
  }

  @Authorized()
  @Mutation(() => ChatTypingEvent, {
    description: `Tells the other participant the signed-in person is typing (send again at least every ${TYPING_LAPSES_AFTER_SECONDS} seconds while typing) or stopped. Nothing is stored.`,
  })
  async setTyping(
    @Arg("conversationId", () => ID, { description: "The conversation being typed in." })
    conversationId: string,
    @Arg("isTyping", () => Boolean, { description: "True while typing, false once stopped." })
    isTyping: boolean,
    @Ctx() ctx: CommunicationContext,
  ): Promise<ChatTypingEvent> {
    return toTypingEvent(await ctx.services.chat.setTyping(ctx.viewer, conversationId, isTyping));
  }
}
