import type { ChatEvent, ChatEventKind, ChatEventOf, ChatFeed, ChatStream } from "./chat-feed.js";
import { ChatStreams } from "./chat-streams.js";

/** Chat events within one process: the embedded default, when the subgraph runs as one process. */
export class MemoryChatFeed implements ChatFeed {
  private readonly streams = new ChatStreams();

  async publish(event: ChatEvent): Promise<void> {
    this.streams.dispatch(event);
  }

  subscribe<K extends ChatEventKind>(
    conversationId: string,
    kind: K,
    accept?: (event: ChatEventOf<K>) => boolean,
  ): Promise<ChatStream<ChatEventOf<K>>> {
    return this.streams.open(conversationId, kind, accept);
  }

  get openStreams(): number {
    return this.streams.size;
  }

  async close(): Promise<void> {
    this.streams.closeAll();
  }
}
