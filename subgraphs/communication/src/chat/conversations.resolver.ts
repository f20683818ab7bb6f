import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { CommunicationContext } from "../context.js";
import { ChatSideEnum } from "./chat-side.enum.js";
import { ConversationConnection } from "./conversation.connection.js";
import type { ChatSide, ConversationRecord } from "./conversation.record.js";
import { Conversation } from "./conversation.type.js";
import { listConversations } from "./list-conversations.js";

/** Starting, finding and reading conversations; every one needs a signed-in person who takes part. */
@Resolver(() => Conversation)
export class ConversationsResolver {
  @Authorized()
  @Query(() => ConversationConnection, {
    description:
      "The signed-in person's conversations, most recent activity first: those they started as a customer and those of the vendors they own.",
  })
  async myConversations(
    @Ctx() ctx: CommunicationContext,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor of the last edge already seen." })
    after: string | null,
    @Arg("side", () => ChatSideEnum, {
      nullable: true,
      description: "Only conversations where the person is on this side; both sides when absent.",
    })
    side: ChatSide | null,
    @Arg("vendorId", () => ID, {
      nullable: true,
      description: "Only the conversations of this vendor, which the person owns.",
    })
    vendorId: string | null,
  ): Promise<ConversationConnection> {
    const filter = await ctx.services.chat.participantFilter(ctx.viewer, { side, vendorId });
    return listConversations(ctx.services.conversations, filter, first, after);
  }

  @Authorized()
  @Query(() => Conversation, {
    nullable: true,
    description: "A conversation the signed-in person takes part in; NOT_FOUND for any other.",
  })
  async conversation(
    @Arg("id", () => ID, { description: "The conversation's id." }) id: string,
    @Ctx() ctx: CommunicationContext,
  ): Promise<ConversationRecord> {
    return (await ctx.services.chat.participation(ctx.viewer, id)).conversation;
  }

  @Authorized()
  @Mutation(() => Conversation, {
    description:
      "Starts a conversation with a vendor, or returns the one the signed-in person already has with it (one per customer and vendor).",
  })
  startConversation(
    @Arg("vendorId", () => ID, { description: "The vendor to write to." }) vendorId: string,
    @Ctx() ctx: CommunicationContext,
  ): Promise<ConversationRecord> {
    return ctx.services.chat.start(ctx.viewer, vendorId);
  }

  @Authorized()
  @Mutation(() => Conversation, {
    description:
      "Marks a conversation read by the signed-in person up to a message, the newest unless named. Read positions only move forward.",
  })
  markConversationRead(
    @Arg("conversationId", () => ID, { description: "The conversation read." }) conversationId: string,
    @Arg("upToMessageId", () => ID, {
      nullable: true,
      description:
        "The last message read; every earlier one counts as read too. The newest message when absent.",
    })
    upToMessageId: string | null,
    @Ctx() ctx: CommunicationContext,
  ): Promise<ConversationRecord> {
    return ctx.services.chat.markRead(ctx.viewer, conversationId, upToMessageId);
  }
}
