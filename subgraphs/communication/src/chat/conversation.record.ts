/** Which side of a conversation a participant is on: the customer, or the vendor through its owner. */
export type ChatSide = "CUSTOMER" | "VENDOR";

export const otherSide = (side: ChatSide): ChatSide => (side === "CUSTOMER" ? "VENDOR" : "CUSTOMER");

/**
 * Who a deleted account becomes in a conversation: one id per conversation and side, so the other
 * participant still sees one correspondent, yet nothing links it to the person or to their other
 * conversations.
 */
export const erasedParticipantId = (conversationId: string, side: ChatSide): string =>
  `deleted-${side.toLowerCase()}-${conversationId}`;

/** How far one side has read: up to and including the message at `seq`. */
export interface ReadPosition {
  seq: number;
  messageId: string;
  at: Date;
}

/** A conversation between one customer and one vendor; there is at most one per pair. */
export interface ConversationRecord {
  id: string;
  customerId: string;
  vendorId: string;
  createdAt: Date;
  /** When the last message was sent, or the conversation started: lists are ordered by it. */
  lastActivityAt: Date;
  lastMessageId: string | null;
  customerRead: ReadPosition | null;
  vendorRead: ReadPosition | null;
}

/** One message. `seq` orders a conversation's messages: later messages have larger numbers. */
export interface MessageRecord {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  senderSide: ChatSide;
  /**
   * Trimmed, 1 to 4000 characters; empty once erased (a customer deleted their account), which a
   * sent message never is.
   */
  text: string;
  /** The sender's own key for the message, so a retried send is stored once. */
  clientMessageId: string | null;
  sentAt: Date;
}

/** A message to store: the store gives it its place (`seq`) in the conversation. */
export type NewMessage = Omit<MessageRecord, "seq">;

/** Position in a list of conversations, most recent activity first: (lastActivityAt, id) descending. */
export interface ConversationListKey {
  lastActivityAt: Date;
  id: string;
}

/** Whose conversations to list: the person's own as a customer, and those of the vendors they own. */
export interface ParticipantFilter {
  customerId: string | null;
  vendorIds: readonly string[];
}
