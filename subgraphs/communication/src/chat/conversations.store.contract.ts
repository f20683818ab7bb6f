import { type DomainEvent, newEvent } from "@venta/events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type ConversationRecord,
  erasedParticipantId,
  type MessageRecord,
  type NewMessage,
} from "./conversation.record.js";
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

    // The conversation's counters (`seq`, last message, read positions) are one document every send
    // writes: racing sends conflict, and in a transaction (production's path) are retried whole.
    for (const [path, announce] of [
      ["unannounced", undefined],
      ["announced, in a transaction", announceSent],
    ] as const) {
      it(`numbers messages sent at once in one conversation without repeats (${path})`, async () => {
        await store.open(conversation("c1", "casey", "cart-1"));
        const sends = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.append(message("c1", i % 2 ? "VENDOR" : "CUSTOMER", 5), announce),
          ),
        );
        const seqs = sends.map((s) => s.message.seq);
        expect(new Set(seqs).size).toBe(20);
        const last = sends.reduce((a, b) => (b.message.seq > a.message.seq ? b : a)).message;
        expect((await store.findById("c1"))?.lastMessageId).toBe(last.id);
        expect((await store.messages("c1", 50)).records).toHaveLength(20);
        if (announce) expect(await opened.announced()).toHaveLength(20);
      });
    }

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
    it("tells a side about a burst of messages once, until it catches up or the window passes", async () => {
      await store.open(conversation("c1", "casey", "cart-1"));
      const sent: MessageRecord[] = [];
      for (let i = 1; i <= 3; i += 1) sent.push((await store.append(message("c1", "CUSTOMER", i))).message);
      const nth = (i: number) => sent[i] as MessageRecord;
      const claim = (m: MessageRecord, seconds: number, windowSeconds = 300) =>
        store.claimNotification({
          conversationId: "c1",
          messageId: m.id,
          recipientSide: "VENDOR",
          at: at(seconds),
          coveredSince: at(seconds - windowSeconds),
        });
      expect(await claim(nth(0), 10)).toBe("NOTIFY");
      // A redelivery of the claimed message finishes its notification; the burst after it is covered.
      expect(await claim(nth(0), 11)).toBe("NOTIFY");
      expect(await claim(nth(1), 12)).toBe("COVERED");
      expect(await claim(nth(2), 13)).toBe("COVERED");
      // The sender's own side is never told; unknown messages are gone.
      expect(
        await store.claimNotification({
          conversationId: "c1",
          messageId: nth(0).id,
          recipientSide: "CUSTOMER",
          at: at(14),
          coveredSince: at(0),
        }),
      ).toBe("GONE");
      expect(
        await store.claimNotification({
          conversationId: "c1",
          messageId: "unknown",
          recipientSide: "VENDOR",
          at: at(14),
          coveredSince: at(0),
        }),
      ).toBe("GONE");
      // Once the window has passed, unread messages make a new notification.
      const fourth = (await store.append(message("c1", "CUSTOMER", 20))).message;
      expect(await claim(fourth, 400)).toBe("NOTIFY");
      // Having read up to the notified message, the vendor hears about the next one at once.
      await store.markRead("VENDOR", fourth, at(401));
      expect(await claim(nth(2), 402)).toBe("ALREADY_READ");
      const fifth = (await store.append(message("c1", "CUSTOMER", 403))).message;
      expect(await claim(fifth, 404)).toBe("NOTIFY");
      // A message handled after a later one was told about is covered by that one.
      await store.markRead("VENDOR", fifth, at(405));
      const sixth = (await store.append(message("c1", "CUSTOMER", 406))).message;
      const seventh = (await store.append(message("c1", "CUSTOMER", 407))).message;
      expect(await claim(seventh, 408)).toBe("NOTIFY");
      expect(await claim(sixth, 409)).toBe("COVERED");
    });

    it("lets one of racing claims for a side win", async () => {
      await store.open(conversation("c1", "casey", "cart-1"));
      const first = (await store.append(message("c1", "CUSTOMER", 1))).message;
      const second = (await store.append(message("c1", "CUSTOMER", 2))).message;
      const outcomes = await Promise.all(
        [first, second, first, second].map((m) =>
          store.claimNotification({
            conversationId: "c1",
            messageId: m.id,
            recipientSide: "VENDOR",
            at: at(10),
            coveredSince: at(-290),
          }),
        ),
      );
      const notified = outcomes.flatMap((outcome, i) => (outcome === "NOTIFY" ? [i % 2] : []));
      // Only redeliveries of the winner may also be told to notify.
      expect(new Set(notified).size).toBe(1);
    });

    it("erases a deleted customer's words and name, keeping the vendor's side of the conversation", async () => {
      await store.open(conversation("c1", "casey", "cart-1"));
      await store.open(conversation("c2", "casey", "cart-2"));
      await store.open(conversation("c3", "dana", "cart-9"));
      const mine = (
        await store.append(
          message("c1", "CUSTOMER", 1, { text: "my address is 1 Elm St", clientMessageId: "k1" }),
        )
      ).message;
      const reply = (await store.append(message("c1", "VENDOR", 2, { text: "see you there" }))).message;
      const elsewhere = (await store.append(message("c2", "CUSTOMER", 3, { text: "hello again" }))).message;
      // Casey also once spoke for vendor cart-9.
      const asVendor = (
        await store.append(message("c3", "VENDOR", 4, { senderId: "casey", text: "we open at 9" }))
      ).message;
      const bystander = (
        await store.append(message("c3", "CUSTOMER", 5, { senderId: "dana", text: "thanks" }))
      ).message;

      await store.eraseParticipant("casey");
      await store.eraseParticipant("casey");

      const found = new Map(
        (await store.findMessages([mine.id, reply.id, elsewhere.id, asVendor.id, bystander.id])).map((m) => [
          m.id,
          m,
        ]),
      );
      expect(found.get(mine.id)).toEqual({
        ...mine,
        text: "",
        senderId: erasedParticipantId("c1", "CUSTOMER"),
        clientMessageId: null,
      });
      expect(found.get(elsewhere.id)).toMatchObject({
        text: "",
        senderId: erasedParticipantId("c2", "CUSTOMER"),
      });
      expect(found.get(reply.id)).toEqual(reply);
      expect(found.get(asVendor.id)).toEqual({ ...asVendor, senderId: erasedParticipantId("c3", "VENDOR") });
      expect(found.get(bystander.id)).toEqual(bystander);
      expect((await store.findById("c1"))?.customerId).toBe(erasedParticipantId("c1", "CUSTOMER"));
      expect((await store.findById("c3"))?.customerId).toBe("dana");
      expect(await store.count({ customerId: "casey", vendorIds: [] })).toBe(0);
      expect(await store.count({ customerId: null, vendorIds: ["cart-1"] })).toBe(1);
      // An erased message is nobody's to be notified about.
      expect(
        await store.claimNotification({
          conversationId: "c1",
          messageId: mine.id,
          recipientSide: "VENDOR",
          at: at(10),
          coveredSince: at(0),
        }),
      ).toBe("GONE");
    });
  });
}
