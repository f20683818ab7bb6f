import { randomUUID } from "node:crypto";
import { forbidden, unauthenticated, type Viewer } from "@venta/auth";
import { newEvent } from "@venta/events";
import { badUserInput, conflict, notFound } from "@venta/kit";
import type { ChatEventOf, ChatFeed, ChatStream } from "./chat-feed.js";
import type { ChatVendorRecord } from "./chat-vendor.record.js";
import type { ChatVendorsStore } from "./chat-vendors.store.js";
import {
  type ChatSide,
  type ConversationRecord,
  erasedParticipantId,
  type MessageRecord,
  type ParticipantFilter,
} from "./conversation.record.js";
import type { ConversationsStore } from "./conversations.store.js";

export const MAX_MESSAGE_LENGTH = 4_000;
export const MAX_CLIENT_MESSAGE_ID_LENGTH = 100;
/** How much of a message a notification may show. */
export const PREVIEW_LENGTH = 140;

/** A conversation as one of its participants sees it. */
export interface Participation {
  conversation: ConversationRecord;
  side: ChatSide;
  userId: string;
}

export interface SendMessage {
  conversationId: string;
  text: string;
  clientMessageId?: string | null;
}

const characters = (text: string) => [...text].length;

/**
 * Chat between a customer and a vendor, the vendor speaking through its owner account. Only the
 * two participants may read or write a conversation; to anyone else it does not exist (NOT_FOUND),
 * so conversation ids reveal nothing.
 */
export class ChatService {
  constructor(
    private readonly conversations: ConversationsStore,
    private readonly vendors: ChatVendorsStore,
    private readonly feed: ChatFeed,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The caller's conversation with the vendor, started if there is none yet. */
  async start(viewer: Viewer, vendorId: string): Promise<ConversationRecord> {
    const customerId = this.person(viewer);
    const [vendor] = await this.vendors.findMany([vendorId]);
    if (!vendor?.listed) throw notFound(`no vendor with id ${vendorId}`);
    if (vendor.ownerId === null) throw badUserInput("this vendor cannot receive messages yet", "vendorId");
    if (vendor.ownerId === customerId)
      throw badUserInput("a vendor's owner cannot start a conversation with their own vendor", "vendorId");
    const at = this.now();
    const { conversation } = await this.conversations.open({
      id: randomUUID(),
      customerId,
      vendorId,
      createdAt: at,
      lastActivityAt: at,
      lastMessageId: null,
      customerRead: null,
      vendorRead: null,
    });
    return conversation;
  }

  /** The conversation and the caller's side in it; NOT_FOUND unless the caller takes part. */
  async participation(viewer: Viewer, conversationId: string): Promise<Participation> {
    const userId = this.person(viewer);
    const conversation = await this.conversations.findById(conversationId);
    const side = conversation ? await this.sideOf(userId, conversation) : null;
    if (!conversation || !side) throw notFound(`no conversation with id ${conversationId}`);
    return { conversation, side, userId };
  }

  /** Which side the person is on in the conversation, or null when they are not in it. */
  async sideOf(
    userId: string,
    conversation: ConversationRecord,
    vendor?: ChatVendorRecord | null,
  ): Promise<ChatSide | null> {
    if (conversation.customerId === userId) return "CUSTOMER";
    const owner = vendor === undefined ? (await this.vendors.findMany([conversation.vendorId]))[0] : vendor;
    return owner?.ownerId === userId ? "VENDOR" : null;
  }

  /** Whose conversations a person sees: theirs as a customer and those of the vendors they own. */
  async participantFilter(
    viewer: Viewer,
    only: { side?: ChatSide | null; vendorId?: string | null } = {},
  ): Promise<ParticipantFilter> {
    const userId = this.person(viewer);
    let vendorIds = only.side === "CUSTOMER" ? [] : await this.vendors.ownedBy(userId);
    if (only.vendorId) vendorIds = vendorIds.filter((id) => id === only.vendorId);
    const asCustomer = only.side !== "VENDOR" && !only.vendorId;
    return { customerId: asCustomer ? userId : null, vendorIds };
  }

  async send(viewer: Viewer, input: SendMessage): Promise<MessageRecord> {
    const text = input.text.trim();
    if (characters(text) < 1 || characters(text) > MAX_MESSAGE_LENGTH)
      throw badUserInput(`a message has 1 to ${MAX_MESSAGE_LENGTH} characters`, "text");
    const clientMessageId = input.clientMessageId ?? null;
    if (
      clientMessageId !== null &&
      (clientMessageId.length < 1 || clientMessageId.length > MAX_CLIENT_MESSAGE_ID_LENGTH)
    )
      throw badUserInput(
        `a client message id has 1 to ${MAX_CLIENT_MESSAGE_ID_LENGTH} characters`,
        "clientMessageId",
      );
    const { conversation, side, userId } = await this.participation(viewer, input.conversationId);
    if (conversation.customerId === erasedParticipantId(conversation.id, "CUSTOMER"))
      throw badUserInput("the customer deleted their account: this conversation is closed", "conversationId");
    const recipientId =
      side === "CUSTOMER" ? await this.ownerOf(conversation.vendorId) : conversation.customerId;
    const { message, created } = await this.conversations.append(
      {
        id: randomUUID(),
        conversationId: conversation.id,
        senderId: userId,
        senderSide: side,
        text,
        clientMessageId,
        sentAt: this.now(),
      },
      // Written with the message, so the other participant is told even if this process dies now.
      // A vendor without an owner has nobody to tell; the message still stands.
      (appended) =>
        appended.created && recipientId !== null
          ? [
              newEvent(
                "communication.message_sent",
                {
                  messageId: appended.message.id,
                  conversationId: conversation.id,
                  vendorId: conversation.vendorId,
                  senderId: userId,
                  senderSide: side,
                  recipientId,
                  preview: [...text].slice(0, PREVIEW_LENGTH).join(""),
                  sentAt: appended.message.sentAt.toISOString(),
                },
                appended.message.sentAt,
              ),
            ]
          : [],
    );
    if (!created) {
      if (message.text !== text)
        throw conflict("this client message id was already used for another message", "clientMessageId");
      return message;
    }
    await this.feed.publish({ kind: "message", conversationId: conversation.id, message });
    return message;
  }

  /** Marks the conversation read by the caller up to a message (the newest one unless named). */
  async markRead(
    viewer: Viewer,
    conversationId: string,
    upToMessageId?: string | null,
  ): Promise<ConversationRecord> {
    const { conversation, side } = await this.participation(viewer, conversationId);
    const messageId = upToMessageId ?? conversation.lastMessageId;
    if (messageId === null) return conversation;
    const [message] = await this.conversations.findMessages([messageId]);
    if (!message || message.conversationId !== conversation.id)
      throw badUserInput("that message is not in this conversation", "upToMessageId");
    return (await this.conversations.markRead(side, message, this.now())) ?? conversation;
  }

  /** Tells the other participant the caller is (or stopped) typing; nothing is stored. */
  async setTyping(viewer: Viewer, conversationId: string, isTyping: boolean): Promise<ChatEventOf<"typing">> {
    const { conversation, side, userId } = await this.participation(viewer, conversationId);
    const event: ChatEventOf<"typing"> = {
      kind: "typing",
      conversationId: conversation.id,
      userId,
      side,
      isTyping,
      at: this.now(),
    };
    await this.feed.publish(event);
    return event;
  }

  /** New messages of a conversation the caller takes part in, from now on. */
  async messagesOf(viewer: Viewer, conversationId: string): Promise<ChatStream<ChatEventOf<"message">>> {
    const { conversation } = await this.participation(viewer, conversationId);
    return this.feed.subscribe(conversation.id, "message");
  }

  /** The other participant's typing in a conversation the caller takes part in, from now on. */
  async typingOf(viewer: Viewer, conversationId: string): Promise<ChatStream<ChatEventOf<"typing">>> {
    const { conversation, userId } = await this.participation(viewer, conversationId);
    return this.feed.subscribe(conversation.id, "typing", (event) => event.userId !== userId);
  }

  private async ownerOf(vendorId: string): Promise<string | null> {
    return (await this.vendors.findMany([vendorId]))[0]?.ownerId ?? null;
  }

  private person(viewer: Viewer): string {
    if (viewer.userId !== null) return viewer.userId;
    if (viewer.partner === null) throw unauthenticated();
    throw forbidden("only a signed-in person can chat");
  }
}
