import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from "type-graphql";
import type { CommunicationContext } from "../context.js";
import { ChatMessageConnection } from "./chat-message.connection.js";
import { ChatMessage } from "./chat-message.type.js";
import { ChatReadReceipt } from "./chat-read-receipt.type.js";
import { ChatSideEnum } from "./chat-side.enum.js";
import type { ChatSide, ConversationRecord, MessageRecord } from "./conversation.record.js";
import { Conversation } from "./conversation.type.js";
import { listMessages } from "./list-messages.js";
import { Vendor } from "./vendor.type.js";

/** Only participants ever get a conversation, so a caller who is not its customer is its vendor side. */
const sideOf = (conversation: ConversationRecord, ctx: CommunicationContext): ChatSide =>
  conversation.customerId === ctx.viewer.userId ? "CUSTOMER" : "VENDOR";

@Resolver(() => Conversation)
export class ConversationFieldsResolver {
  @FieldResolver(() => Vendor, { description: "The vendor the customer is talking to." })
  vendor(@Root() conversation: ConversationRecord): Vendor {
    return { id: conversation.vendorId };
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: "The account answering for the vendor now (its owner); null while the vendor has none.",
  })
  async vendorOwnerId(
    @Root() conversation: ConversationRecord,
    @Ctx() ctx: CommunicationContext,
  ): Promise<string | null> {
    return (await ctx.chatLoaders.vendor.load(conversation.vendorId))?.ownerId ?? null;
  }

  @FieldResolver(() => ChatSideEnum, {
    description: "Which side of the conversation the signed-in person is on.",
  })
  mySide(@Root() conversation: ConversationRecord, @Ctx() ctx: CommunicationContext): ChatSide {
    return sideOf(conversation, ctx);
  }

  @FieldResolver(() => Int, {
    description: "How many of the other side's messages the signed-in person has not read yet.",
  })
  unreadCount(@Root() conversation: ConversationRecord, @Ctx() ctx: CommunicationContext): Promise<number> {
    const side = sideOf(conversation, ctx);
    const read = side === "CUSTOMER" ? conversation.customerRead : conversation.vendorRead;
    return ctx.chatLoaders.unreadCount.load({
      conversationId: conversation.id,
      side,
      afterSeq: read?.seq ?? 0,
    });
  }

  @FieldResolver(() => ChatMessage, {
    nullable: true,
    description: "The newest message; null before the first.",
  })
  lastMessage(
    @Root() conversation: ConversationRecord,
    @Ctx() ctx: CommunicationContext,
  ): Promise<MessageRecord | null> {
    return conversation.lastMessageId === null
      ? Promise.resolve(null)
      : ctx.chatLoaders.message.load(conversation.lastMessageId);
  }

  @FieldResolver(() => [ChatReadReceipt], {
    description: "How far each side has read; a side that has read nothing yet is absent.",
  })
  readReceipts(@Root() conversation: ConversationRecord): ChatReadReceipt[] {
    const receipts: ChatReadReceipt[] = [];
    for (const [side, read] of [
      ["CUSTOMER", conversation.customerRead],
      ["VENDOR", conversation.vendorRead],
    ] as const) {
      if (read) receipts.push({ side, lastReadMessageId: read.messageId, readAt: read.at });
    }
    return receipts;
  }

  @FieldResolver(() => ChatMessageConnection, {
    description: "The conversation's messages, newest page first; page back with `before`.",
  })
  messages(
    @Root() conversation: ConversationRecord,
    @Ctx() ctx: CommunicationContext,
    @Arg("last", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) last: number,
    @Arg("before", () => String, {
      nullable: true,
      description: "The `startCursor` of the page already seen, for the messages before it.",
    })
    before: string | null,
  ): Promise<ChatMessageConnection> {
    return listMessages(ctx.services.conversations, ctx.chatLoaders, conversation.id, last, before);
  }
}
