import type { ChatEvent, ChatEventKind, ChatEventOf, ChatStream } from "./chat-feed.js";

/** Events a subscriber may fall behind by before its stream is ended (it re-reads through queries). */
export const STREAM_BACKLOG_LIMIT = 1_000;

class QueuedStream<E> implements ChatStream<E> {
  private readonly pending: E[] = [];
  private waiting: ((result: IteratorResult<E>) => void) | null = null;
  private closed = false;

  constructor(
    private readonly limit: number,
    private readonly onClose: () => void,
  ) {}

  push(event: E): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: event, done: false });
      return;
    }
    if (this.pending.length >= this.limit) {
      // Silently dropping a chat message would be worse than ending: the client resubscribes and reloads.
      this.close();
      return;
    }
    this.pending.push(event);
  }

  next(): Promise<IteratorResult<E>> {
    if (this.pending.length > 0) return Promise.resolve({ value: this.pending.shift() as E, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<E>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending.length = 0;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
    this.onClose();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<E> {
    return this;
  }
}

interface Listener extends QueuedStream<ChatEvent> {
  kind: ChatEventKind;
  accept: ((event: ChatEvent) => boolean) | undefined;
}

/**
 * The streams open in one process, by conversation: both feeds hand every event they hear to
 * `dispatch`. `onFirst`/`onLast` tell a feed when a conversation gains its first listener here and
 * loses its last, so it listens upstream only while someone is.
 */
export class ChatStreams {
  private readonly byConversation = new Map<string, Set<Listener>>();
  /** Per conversation with listeners here: settles once the feed listens upstream for it. */
  private readonly listening = new Map<string, Promise<void>>();
  private count = 0;

  constructor(
    private readonly hooks: {
      onFirst?: (conversationId: string) => Promise<void>;
      onLast?: (conversationId: string) => void;
    } = {},
    private readonly limit = STREAM_BACKLOG_LIMIT,
  ) {}

  get size(): number {
    return this.count;
  }

  async open<K extends ChatEventKind>(
    conversationId: string,
    kind: K,
    accept?: (event: ChatEventOf<K>) => boolean,
  ): Promise<ChatStream<ChatEventOf<K>>> {
    let set = this.byConversation.get(conversationId);
    if (!set) {
      set = new Set();
      this.byConversation.set(conversationId, set);
      this.listening.set(conversationId, this.hooks.onFirst?.(conversationId) ?? Promise.resolve());
    }
    const streams = set;
    const stream: Listener = Object.assign(
      new QueuedStream<ChatEvent>(this.limit, () => {
        streams.delete(stream);
        this.count -= 1;
        if (streams.size === 0 && this.byConversation.get(conversationId) === streams) {
          this.byConversation.delete(conversationId);
          this.listening.delete(conversationId);
          this.hooks.onLast?.(conversationId);
        }
      }),
      { kind, accept: accept as ((event: ChatEvent) => boolean) | undefined },
    );
    streams.add(stream);
    this.count += 1;
    try {
      // A second subscriber waits for the first one's upstream listening too, or it could miss events.
      await this.listening.get(conversationId);
    } catch (error) {
      stream.close();
      throw error;
    }
    return stream as unknown as ChatStream<ChatEventOf<K>>;
  }

  dispatch(event: ChatEvent): void {
    const streams = this.byConversation.get(event.conversationId);
    if (!streams) return;
    for (const stream of [...streams])
      if (stream.kind === event.kind && (stream.accept?.(event) ?? true)) stream.push(event);
  }

  closeAll(): void {
    for (const streams of [...this.byConversation.values()])
      for (const stream of [...streams]) stream.close();
  }
}
