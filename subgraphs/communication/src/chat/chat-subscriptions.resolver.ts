import { Arg, Authorized, ID, Root, Subscription } from "type-graphql";
import type { CommunicationContext } from "../context.js";
import type { ChatEventOf } from "./chat-feed.js";
import { ChatMessage } from "./chat-message.type.js";
import { toTypingEvent } from "./chat-messages.resolver.js";
import { ChatTypingEvent } from "./chat-typing-event.type.js";
import type { MessageRecord } from "./conversation.record.js";

interface ConversationArgs {
  conversationId: string;
}

/** Live chat: participation is checked when subscribing, so others get NOT_FOUND and no stream. */
export class ChatSubscriptionsResolver {
  @Authorized()
  @Subscription(() => ChatMessage, {
    description:
      "Every new message of a conversation the signed-in person takes part in, theirs included, from now on. Load earlier ones with `conversation.messages`.",
    subscribe: ({ args, context }) => {
      const ctx = context as CommunicationContext;
      return ctx.services.chat.messagesOf(ctx.viewer, (args as ConversationArgs).conversationId);
    },
  })
  messageAdded(
    @Root() event: ChatEventOf<"message">,
    @Arg("conversationId", () => ID, { description: "The conversation to follow." }) _conversationId: string,
  ): MessageRecord {
    return event.message;
  }

  @Authorized()
  @Subscription(() => ChatTypingEvent, {
    description:
      "The other participant starting and stopping typing in a conversation the signed-in person takes part in.",
    subscribe: ({ args, context }) => {
      const ctx = context as CommunicationContext;
      return ctx.services.chat.typingOf(ctx.viewer, (args as ConversationArgs).conversationId);
    },
  })
  typingChanged(
    @Root() event: ChatEventOf<"typing">,
    @Arg("conversationId", () => ID, { description: "The conversation to follow." }) _conversationId: string,
  ): ChatTypingEvent {
    return toTypingEvent(event);
  }
}
