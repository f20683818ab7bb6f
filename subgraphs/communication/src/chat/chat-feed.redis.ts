import type { Logger } from "@venta/kit";
import { Redis } from "ioredis";
import type { ChatEvent, ChatEventKind, ChatEventOf, ChatFeed, ChatStream } from "./chat-feed.js";
import { ChatStreams } from "./chat-streams.js";
import type { MessageRecord } from "./conversation.record.js";

/** Reads an event off the wire; dates travel as ISO strings. Null for anything that is not one. */
export function parseChatEvent(text: string): ChatEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const event = parsed as Record<string, unknown>;
  if (typeof event.conversationId !== "string") return null;
  if (event.kind === "message" && typeof event.message === "object" && event.message !== null) {
    const message = event.message as Record<string, unknown>;
    if (typeof message.sentAt !== "string") return null;
    return {
      ...(event as unknown as ChatEventOf<"message">),
      message: { ...(message as unknown as MessageRecord), sentAt: new Date(message.sentAt) },
    };
  }
  if (event.kind === "typing" && typeof event.at === "string") {
    return { ...(event as unknown as ChatEventOf<"typing">), at: new Date(event.at) };
  }
  return null;
}

/**
 * Redis pub/sub, one channel per conversation: the feed when the subgraph runs as several
 * processes. A process listens to a conversation's channel only while one of its subscribers does.
 */
export class RedisChatFeed implements ChatFeed {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly streams: ChatStreams;

  constructor(
    url: string,
    private readonly log: Logger,
    private readonly prefix = "venta:chat:",
  ) {
    this.publisher = new Redis(url, { maxRetriesPerRequest: 3 });
    this.publisher.on("error", (error) => log.warn({ err: error }, "chat feed publisher connection error"));
    // A connection in subscriber mode can do nothing else, so listening gets its own, without the
    // client's own handshake commands (INFO, CLIENT SETINFO): ioredis 5 can send them after a
    // SUBSCRIBE issued mid-handshake, then refuses them and fails every pending listen (ioredis#2037).
    this.subscriber = this.publisher.duplicate({ enableReadyCheck: false, disableClientInfo: true });
    this.subscriber.on("error", (error) => log.warn({ err: error }, "chat feed subscriber connection error"));
    this.subscriber.on("message", (_channel: string, text: string) => {
      const event = parseChatEvent(text);
      if (event) this.streams.dispatch(event);
      else this.log.warn("ignored a malformed chat event");
    });
    this.streams = new ChatStreams({
      onFirst: async (conversationId) => {
        await this.subscriber.subscribe(this.prefix + conversationId);
      },
      onLast: (conversationId) => {
        this.subscriber.unsubscribe(this.prefix + conversationId).catch((error: unknown) => {
          this.log.warn({ err: error }, "chat feed could not stop listening to a conversation");
        });
      },
    });
  }

  async publish(event: ChatEvent): Promise<void> {
    await this.publisher.publish(this.prefix + event.conversationId, JSON.stringify(event));
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
    this.subscriber.disconnect();
    await this.publisher.quit();
  }
}
