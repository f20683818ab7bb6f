import type { ChatSide, MessageRecord } from "./conversation.record.js";

/** A message was added to a conversation. */
export interface MessageAddedEvent {
  kind: "message";
  conversationId: string;
  message: MessageRecord;
}

/** A participant started or stopped typing; never stored. */
export interface TypingEvent {
  kind: "typing";
  conversationId: string;
  userId: string;
  side: ChatSide;
  isTyping: boolean;
  at: Date;
}

export type ChatEvent = MessageAddedEvent | TypingEvent;
export type ChatEventKind = ChatEvent["kind"];
export type ChatEventOf<K extends ChatEventKind> = Extract<ChatEvent, { kind: K }>;

/** One subscriber's live events of one kind in one conversation; `close` ends it. */
export interface ChatStream<E> extends AsyncIterableIterator<E> {
  close(): void;
}

/**
 * How chat events reach the subscribers of a conversation, in whichever process they are
 * connected. Delivery is live only: a subscriber hears what is published after it subscribed,
 * and reads history through queries.
 */
export interface ChatFeed {
  publish(event: ChatEvent): Promise<void>;
  /**
   * Resolves once listening, so every event published afterwards (that `accept` takes, when
   * given) reaches the stream.
   */
  subscribe<K extends ChatEventKind>(
    conversationId: string,
    kind: K,
    accept?: (event: ChatEventOf<K>) => boolean,
  ): Promise<ChatStream<ChatEventOf<K>>>;
  /** Streams open in this process. */
  readonly openStreams: number;
  close(): Promise<void>;
}
