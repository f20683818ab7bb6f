import { afterEach, describe, expect, it } from "vitest";
import type { ChatEvent, ChatEventOf, ChatFeed } from "./chat-feed.js";

const sentAt = new Date(Date.UTC(2026, 0, 1, 12));

const messageAdded = (conversationId: string, text: string): ChatEventOf<"message"> => ({
  kind: "message",
  conversationId,
  message: {
    id: `m-${text}`,
    conversationId,
    seq: 1,
    senderId: "casey",
    senderSide: "CUSTOMER",
    text,
    clientMessageId: null,
    sentAt,
  },
});

const typing = (conversationId: string, isTyping: boolean): ChatEventOf<"typing"> => ({
  kind: "typing",
  conversationId,
  userId: "casey",
  side: "CUSTOMER",
  isTyping,
  at: sentAt,
});

async function take<E>(stream: AsyncIterator<E>, count: number): Promise<E[]> {
  const events: E[] = [];
  while (events.length < count) {
    const next = await stream.next();
    if (next.done) break;
    events.push(next.value);
  }
  return events;
}

/**
 * The behaviour every chat feed must show; each adapter's test file runs it. `publisher` and
 * `listener` are two processes' feeds where the adapter reaches across processes, else one feed.
 */
export function chatFeedContract(
  adapter: string,
  open: () => Promise<{ publisher: ChatFeed; listener: ChatFeed }>,
) {
  describe(`${adapter} chat feed`, () => {
    const opened: ChatFeed[] = [];
    afterEach(async () => {
      await Promise.all([...new Set(opened.splice(0))].map((feed) => feed.close()));
    });
    const setup = async () => {
      const feeds = await open();
      opened.push(feeds.publisher, feeds.listener);
      return feeds;
    };

    it("delivers a conversation's messages, in order and intact, to each of its subscribers only", async () => {
      const { publisher, listener } = await setup();
      const a = await listener.subscribe("c1", "message");
      const b = await listener.subscribe("c1", "message");
      const other = await listener.subscribe("c2", "message");
      for (const text of ["one", "two", "three"]) await publisher.publish(messageAdded("c1", text));
      await publisher.publish(messageAdded("c2", "elsewhere"));
      const received = await take(a, 3);
      expect(received).toEqual([
        messageAdded("c1", "one"),
        messageAdded("c1", "two"),
        messageAdded("c1", "three"),
      ]);
      expect(received[0]?.message.sentAt).toBeInstanceOf(Date);
      expect((await take(b, 3)).map((e) => e.message.text)).toEqual(["one", "two", "three"]);
      expect((await take(other, 1)).map((e) => e.message.text)).toEqual(["elsewhere"]);
    });

    it("keeps typing apart from messages, and hands a stream only what it accepts", async () => {
      const { publisher, listener } = await setup();
      const messages = await listener.subscribe("c1", "message");
      const typings = await listener.subscribe("c1", "typing");
      const othersTyping = await listener.subscribe("c1", "typing", (event) => event.userId !== "casey");
      await publisher.publish({ ...typing("c1", true), userId: "owner-1", side: "VENDOR" });
      await publisher.publish(typing("c1", true));
      await publisher.publish(messageAdded("c1", "hi"));
      await publisher.publish(typing("c1", false));
      expect((await take(typings, 3)).map((e) => [e.userId, e.isTyping])).toEqual([
        ["owner-1", true],
        ["casey", true],
        ["casey", false],
      ]);
      expect((await take(othersTyping, 1)).map((e) => e.userId)).toEqual(["owner-1"]);
      expect(
        await Promise.race([
          othersTyping.next(),
          new Promise((resolve) => setImmediate(() => resolve("nothing"))),
        ]),
      ).toBe("nothing");
      expect((await take(messages, 1)).map((e: ChatEvent) => e.kind)).toEqual(["message"]);
    });

    it("ends a closed stream and stops counting it", async () => {
      const { publisher, listener } = await setup();
      const before = listener.openStreams;
      const stream = await listener.subscribe("c1", "message");
      const pending = stream.next();
      expect(listener.openStreams).toBe(before + 1);
      stream.close();
      expect(await pending).toEqual({ value: undefined, done: true });
      expect(listener.openStreams).toBe(before);
      // Nobody listens any more: publishing is harmless, and a new subscriber hears what follows.
      await publisher.publish(messageAdded("c1", "to nobody"));
      const again = await listener.subscribe("c1", "message");
      await publisher.publish(messageAdded("c1", "heard"));
      expect((await take(again, 1)).map((e) => e.message.text)).toEqual(["heard"]);
    });
  });
}
