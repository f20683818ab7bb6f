import type { Announce } from "@venta/events";
import type {
  ChatSide,
  ConversationListKey,
  ConversationRecord,
  MessageRecord,
  NewMessage,
  ParticipantFilter,
} from "./conversation.record.js";

export interface ConversationPage {
  records: ConversationRecord[];
  hasNextPage: boolean;
}

/** Messages in conversation order (oldest first), and whether older ones precede them. */
export interface MessagePage {
  records: MessageRecord[];
  hasPreviousPage: boolean;
}

export interface AppendedMessage {
  message: MessageRecord;
  /** False when the sender's `clientMessageId` was already used: `message` is the stored one. */
  created: boolean;
}

/** What to count for one side of one conversation: the other side's messages after `afterSeq`. */
export interface UnreadRequest {
  conversationId: string;
  side: ChatSide;
  afterSeq: number;
}

/**
 * Whether the recipient of a message is told about it now: NOTIFY (claimed, or claimed before by
 * this very message: a redelivery finishes the job), ALREADY_READ (they read it in the app),
 * COVERED (a notification they have not caught up on since, made within the window, or one about a
 * later message, speaks for it) or GONE (no such message, or its text was erased).
 */
export type NotificationClaim = "NOTIFY" | "ALREADY_READ" | "COVERED" | "GONE";

export interface NotificationClaimRequest {
  conversationId: string;
  messageId: string;
  /** The side to tell: the other one than the message's sender. */
  recipientSide: ChatSide;
  at: Date;
  /** A notification made after this still speaks for the recipient's unread messages. */
  coveredSince: Date;
}

/** Where conversations and their messages live. Each adapter must pass `conversations.store.contract.ts`. */
export interface ConversationsStore {
  /**
   * The customer's conversation with the vendor; `candidate` is stored when there is none yet.
   * Racing opens of the same pair end with one conversation.
   */
  open(candidate: ConversationRecord): Promise<{ conversation: ConversationRecord; created: boolean }>;
  findById(id: string): Promise<ConversationRecord | null>;
  /** The conversations matching the filter, most recent activity first. */
  list(filter: ParticipantFilter, first: number, after?: ConversationListKey): Promise<ConversationPage>;
  count(filter: ParticipantFilter): Promise<number>;
  /**
   * Stores a message after every earlier one, moves the conversation's activity to it, and counts
   * it as read by its sender. A `clientMessageId` the sender already used in the conversation
   * stores nothing and returns the earlier message. What `announce` makes of the outcome goes to
   * the outbox in the same write.
   */
  append(message: NewMessage, announce?: Announce<AppendedMessage>): Promise<AppendedMessage>;
  /** The newest `last` messages before `beforeSeq` (before none: the newest of all). */
  messages(conversationId: string, last: number, beforeSeq?: number): Promise<MessagePage>;
  /** The newest `last` messages of each conversation, in one round trip. */
  latestMessages(conversationIds: readonly string[], last: number): Promise<Map<string, MessagePage>>;
  /** These messages in one round trip; unknown ones are absent. */
  findMessages(ids: readonly string[]): Promise<MessageRecord[]>;
  /**
   * Moves a side's read position forward to `message` (never back); returns the conversation as
   * it is afterwards, or null when there is no such conversation.
   */
  markRead(side: ChatSide, message: MessageRecord, at: Date): Promise<ConversationRecord | null>;
  /**
   * How many unread messages each request has, in one round trip, in request order; at most one
   * request per conversation and side (a side has one read position).
   */
  unreadCounts(requests: readonly UnreadRequest[]): Promise<number[]>;
  /**
   * Decides, in one atomic step per conversation side, whether the recipient is told about a
   * message (see `NotificationClaim`), and when so remembers it as the side's last notification.
   */
  claimNotification(request: NotificationClaimRequest): Promise<NotificationClaim>;
  /**
   * Takes a deleted account out of chat. Its messages as a customer lose their text; those it wrote
   * speaking for a vendor keep it (they are the vendor's words). Either way the messages, and the
   * conversations it was the customer of, name `erasedParticipantId(conversation, side)` instead.
   * Idempotent.
   */
  eraseParticipant(userId: string): Promise<void>;
}
