import { type DomainEvent, newEvent } from "@venta/events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ConversationRecord, MessageRecord, NewMessage } from "./conversation.record.js";
import type { AppendedMessage, ConversationsStore } from "./conversations.store.js";

export interface OpenedConversationsStore {
  store: ConversationsStore;
  /** What waits in the outbox the store writes its announcements to. */
  announced(): Promise<DomainEvent[]>;
  close(): Promise<void>;
}

/** Announces a stored message, as chat does for notifications. */
const announceSent = ({ message: sent, created }: AppendedMessage) =>
  created
    ? [
        newEvent("communication.message_sent", {
          messageId: sent.id,
          conversationId: sent.conversationId,
          vendorId: "cart-1",
          senderId: sent.senderId,
          senderSide: sent.senderSide,
          recipientId: "owner-1",
          preview: sent.text,
          sentAt: sent.sentAt.toISOString(),
        }),
      ]
    : [];

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

const conversation = (id: string, customerId: string, vendorId: string, seconds = 0): ConversationRecord => ({
  id,
  customerId,
  vendorId,
  createdAt: at(seconds),
  lastActivityAt: at(seconds),
  lastMessageId: null,
  customerRead: null,
  vendorRead: null,
});

let messageNumber = 0;
const message = (
  conversationId: string,
  side: "CUSTOMER" | "VENDOR",
  seconds: number,
  extra: Partial<NewMessage> = {},
): NewMessage => ({
  id: `m${++messageNumber}`,
  conversationId,
  senderId: side === "CUSTOMER" ? "casey" : "owner-1",
  senderSide: side,
  text: `hello ${messageNumber}`,
  clientMessageId: null,
  sentAt: at(seconds),
  ...extra,
});

/** The behaviour every conversations store must show; each adapter's test file runs it. */
export function conversationsStoreContract(
  adapter: string,
  open: () => Promise<OpenedConversationsStore>,
): void {
  describe(`${adapter} conversations store`, () => {
    let opened: OpenedConversationsStore;
    let store: ConversationsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it("opens one conversation per customer and vendor, even when opened at once", async () => {
      const attempts = await Promise.all(
        ["c1", "c2", "c3"].map((id) => store.open(conversation(id, "casey", "cart-1"))),
      );
      expect(attempts.filter((a) => a.created)).toHaveLength(1);
      const ids = new Set(attempts.map((a) => a.conversation.id));
      expect(ids.size).toBe(1);
      const [id] = [...ids];
      expect(await store.findById(id as string)).toEqual(attempts.find((a) => a.created)?.conversation);
      expect((await store.open(conversation("c4", "casey", "cart-2"))).created).toBe(true);
      expect((await store.open(conversation("c5", "dana", "cart-1"))).created).toBe(true);
      expect(await store.findById("nope")).toBeNull();
    });

    it("writes a message's announcement with it, and none for a send stored before", async () => {
      await store.open(conversation("c1", "casey", "cart-1"));
      const first = await store.append(message("c1", "CUSTOMER", 1, { clientMessageId: "k1" }), announceSent);
      await store.append(message("c1", "CUSTOMER", 2, { clientMessageId: "k1" }), announceSent);
      await store.append(message("c1", "CUSTOMER", 3));
      const events = await opened.announced();
      expect(events.map((e) => [e.type, (e.payload as { messageId: string }).messageId])).toEqual([
        ["communication.message_sent", first.message.id],
      ]);
    });

    it("numbers messages in order, moves the activity and counts each as read by its sender", async () => {
      await store.open(conversation("c1", "casey", "cart-1"));
      const first = await store.append(message("c1", "CUSTOMER", 10));
      const second = await store.append(message("c1", "VENDOR", 20));
      expect(first.created && second.created).toBe(true);
      expect(second.message.seq).toBeGreaterThan(first.message.seq);
      const after = await store.findById("c1");
      expect(after).toMatchObject({
        lastActivityAt: at(20),
        lastMessageId: second.message.id,
        customerRead: { seq: first.message.seq, messageId: first.message.id, at: at(10) },
        vendorRead: { seq: second.message.seq, messageId: second.message.id, at: at(20) },
      });
      expect(await store.findMessages([second.message.id, "unknown", first.message.id])).toEqual(
        expect.arrayContaining([first.message, second.message]),
      );
    });

    it("stores a message once per sender's client id, however often it is sent", async () => {
      await store.open(conversation("c1", "casey", "cart-1"));
      const sends = await Promise.all(
        [0, 1, 2].map(() => store.append(message("c1", "CUSTOMER", 5, { clientMessageId: "phone-1" }))),
      );
      expect(sends.filter((s) => s.created)).toHaveLength(1);
      expect(new Set(sends.map((s) => s.message.id)).size).toBe(1);
      // Another sender may use the same key.
      expect((await store.append(message("c1", "VENDOR", 6, { clientMessageId: "phone-1" }))).created).toBe(
        true,
      );
      expect((await store.messages("c1", 10)).records).toHaveLength(2);
    });

    it("pages messages backwards from the newest, each page oldest first", async () => {
      await store.open(conversation("c1", "casey", "cart-1"));
      await store.open(conversation("c2", "dana", "cart-1"));
      const texts: string[] = [];
      for (let i = 1; i <= 7; i += 1) {
        const sent = await store.append(message("c1", i % 2 ? "CUSTOMER" : "VENDOR", i, { text: `t${i}` }));
        texts.push(sent.message.text);
      }
      await store.append(message("c2", "CUSTOMER", 1, { text: "elsewhere" }));
      const pages: string[][] = [];
      let before: number | undefined;
      for (;;) {
        const page = await store.messages("c1", 3, before);
        pages.push(page.records.map((m) => m.text));
        if (!page.hasPreviousPage) break;
        before = page.records[0]?.seq;
      }
      expect(pages).toEqual([["t5", "t6", "t7"], ["t2", "t3", "t4"], ["t1"]]);
      const latest = await store.latestMessages(["c1", "c2", "c3"], 2);
      expect(latest.get("c1")).toMatchObject({ hasPreviousPage: true });
      expect(latest.get("c1")?.records.map((m) => m.text)).toEqual(["t6", "t7"]);
      expect(latest.get("c2")?.records.map((m) => m.text)).toEqual(["elsewhere"]);
      expect(latest.get("c2")?.hasPreviousPage).toBe(false);
      expect(latest.get("c3")).toEqual({ records: [], hasPreviousPage: false });
    });

    it("lists a person's conversations, as customer and as vendor owner, most recent activity first", async () => {
      await store.open(conversation("c1", "casey", "cart-1", 1));
      await store.open(conversation("c2", "casey", "cart-2", 2));
      await store.open(conversation("c3", "dana", "cart-9", 3));
      await store.open(conversation("c4", "erin", "cart-1", 4));
      await store.open(conversation("c5", "finn", "cart-7", 5));
      await store.append(message("c1", "VENDOR", 10));
      const filter = { customerId: "casey", vendorIds: ["cart-9"] };
      const seen: string[] = [];
      let after: { lastActivityAt: Date; id: string } | undefined;
      for (;;) {
        const page = await store.list(filter, 2, after);
        seen.push(...page.records.map((c) => c.id));
        const last = page.records.at(-1);
        if (!page.hasNextPage || !last) break;
        after = { lastActivityAt: last.lastActivityAt, id: last.id };
      }
      expect(seen).toEqual(["c1", "c3", "c2"]);
      expect(await store.count(filter)).toBe(3);
      expect(
        (await store.list({ customerId: null, vendorIds: ["cart-1"] }, 10)).records.map((c) => c.id),
      ).toEqual(["c1", "c4"]);
      expect(await store.count({ customerId: null, vendorIds: [] })).toBe(0);
    });

    it("moves read positions only forward and counts the other side's unread messages", async () => {
      await store.open(conversation("c1", "casey", "cart-1"));
      await store.open(conversation("c2", "dana", "cart-1"));
      const sent: MessageRecord[] = [];
      const nth = (i: number) => sent[i] as MessageRecord;
      for (const [i, side] of (["CUSTOMER", "VENDOR", "VENDOR", "CUSTOMER", "VENDOR"] as const).entries())
        sent.push((await store.append(message("c1", side, i))).message);
      await store.append(message("c2", "CUSTOMER", 1));
      const c1 = (await store.findById("c1")) as ConversationRecord;
      // Sending counts as reading up to one's own message.
      expect(c1.customerRead?.seq).toBe(nth(3).seq);
      expect(
        await store.unreadCounts([
          { conversationId: "c1", side: "CUSTOMER", afterSeq: 0 },
          { conversationId: "c1", side: "VENDOR", afterSeq: 0 },
          { conversationId: "c2", side: "VENDOR", afterSeq: 0 },
          { conversationId: "c9", side: "VENDOR", afterSeq: 0 },
        ]),
      ).toEqual([3, 2, 1, 0]);
      expect(
        await store.unreadCounts([{ conversationId: "c1", side: "CUSTOMER", afterSeq: nth(3).seq }]),
      ).toEqual([1]);
      const read = await store.markRead("CUSTOMER", nth(4), at(50));
      expect(read?.customerRead).toEqual({ seq: nth(4).seq, messageId: nth(4).id, at: at(50) });
      // Reading an earlier message changes nothing.
      const again = await store.markRead("CUSTOMER", nth(1), at(60));
      expect(again?.customerRead).toEqual(read?.customerRead);
      expect(
        await store.unreadCounts([{ conversationId: "c1", side: "CUSTOMER", afterSeq: nth(4).seq }]),
      ).toEqual([0]);
      expect(await store.unreadCounts([])).toEqual([]);
    });
  });
}
