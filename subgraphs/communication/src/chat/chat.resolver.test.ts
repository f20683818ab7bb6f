import { anonymous, partnerViewer, personViewer, type Viewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { communicationHarness, tacoCart } from "../communication.harness.js";
import { ChatService } from "./chat.service.js";

type Harness = Awaited<ReturnType<typeof communicationHarness>>;
type Result = Awaited<ReturnType<Harness["run"]>>;

const codeOf = (result: Result) => result.errors?.[0]?.extensions?.code ?? "allowed";
/** A root field's value in a result, for the test to read as the shape it expects. */
const fieldOf = (result: Result, name: string): unknown => result.data?.[name];

const START = `mutation ($vendorId: ID!) { startConversation(vendorId: $vendorId) { id customerId mySide vendor { id } vendorOwnerId } }`;
const SEND = `mutation ($input: SendMessageInput!) {
  sendMessage(input: $input) { id conversationId senderId senderSide text clientMessageId sentAt }
}`;
const READ = `mutation ($id: ID!, $upTo: ID) {
  markConversationRead(conversationId: $id, upToMessageId: $upTo) { unreadCount readReceipts { side lastReadMessageId } }
}`;
const CONVERSATION = `query ($id: ID!, $last: Int, $before: String) {
  conversation(id: $id) {
    id mySide unreadCount lastMessage { text }
    messages(last: $last, before: $before) { edges { cursor node { text } } pageInfo { hasPreviousPage hasNextPage startCursor } }
  }
}`;
const MINE = `query ($first: Int, $after: String, $side: ChatSide, $vendorId: ID) {
  myConversations(first: $first, after: $after, side: $side, vendorId: $vendorId) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id customerId mySide unreadCount vendor { id } lastMessage { text } } }
  }
}`;

const casey = personViewer("casey", ["CUSTOMER"]);
const dana = personViewer("dana", ["CUSTOMER"]);
const owner = personViewer("owner-1", ["VENDOR"]);
const admin = personViewer("admin-1", ["ADMIN"]);
const partner = partnerViewer({ keyId: "key-1", name: "Eat Map", scopes: ["READ"] });

describe("chat between a customer and a vendor", () => {
  let h: Harness;
  let clock: Date;
  beforeEach(async () => {
    h = await communicationHarness();
    clock = new Date(Date.UTC(2026, 5, 1, 12));
    // Every change a second after the last, so orderings are certain.
    h.services.chat = new ChatService(
      h.stores.conversations,
      h.stores.chatVendors,
      h.services.chatFeed,
      () => {
        clock = new Date(clock.getTime() + 1000);
        return clock;
      },
    );
    await h.stores.chatVendors.apply(tacoCart);
    await h.stores.chatVendors.apply({
      vendorId: "cart-2",
      name: "Bao Cart",
      ownerId: "owner-1",
      listed: true,
      version: 1,
    });
    await h.stores.chatVendors.apply({
      vendorId: "draft",
      name: "Draft",
      ownerId: "owner-1",
      listed: false,
      version: 1,
    });
    await h.stores.chatVendors.apply({
      vendorId: "orphan",
      name: "Orphan",
      ownerId: null,
      listed: true,
      version: 1,
    });
  });
  afterEach(() => h.close());

  const start = async (viewer: Viewer, vendorId = "cart-1") => {
    const result = await h.run(START, { vendorId }, viewer);
    expect(result.errors).toBeUndefined();
    return (fieldOf(result, "startConversation") as { id: string }).id;
  };
  const send = (viewer: Viewer, conversationId: string, text: string, clientMessageId?: string) =>
    h.run(SEND, { input: { conversationId, text, clientMessageId } }, viewer);
  const messagesIn = async (conversationId: string) =>
    (await h.stores.conversations.messages(conversationId, 100)).records.map((m) => m.text);

  it("starts one conversation per customer and vendor, seen from each side", async () => {
    const result = await h.run(START, { vendorId: "cart-1" }, casey);
    expect(result.data?.startConversation).toMatchObject({
      customerId: "casey",
      mySide: "CUSTOMER",
      vendor: { id: "cart-1" },
      vendorOwnerId: "owner-1",
    });
    const id = (fieldOf(result, "startConversation") as { id: string }).id;
    expect(await start(casey)).toBe(id);
    expect(await start(dana)).not.toBe(id);
    expect(
      (await h.run(`query ($id: ID!) { conversation(id: $id) { mySide } }`, { id }, owner)).data,
    ).toEqual({
      conversation: { mySide: "VENDOR" },
    });
  });

  it.each([
    ["an unknown vendor", "nope", "NOT_FOUND"],
    ["a vendor not verified yet", "draft", "NOT_FOUND"],
    ["a vendor without an owner", "orphan", "BAD_USER_INPUT"],
  ])("refuses to start a conversation with %s", async (_what, vendorId, code) => {
    expect(codeOf(await h.run(START, { vendorId }, casey))).toBe(code);
    expect(await h.stores.conversations.count({ customerId: "casey", vendorIds: [] })).toBe(0);
  });

  it("does not let a vendor's owner write to their own vendor", async () => {
    const result = await h.run(START, { vendorId: "cart-1" }, owner);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "vendorId" });
  });

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["a partner key", partner, "FORBIDDEN"],
    ["another customer", dana, "NOT_FOUND"],
    ["an admin", admin, "NOT_FOUND"],
    ["the owner of another vendor", personViewer("owner-2", ["VENDOR"]), "NOT_FOUND"],
    ["the customer", casey, "allowed"],
    ["the vendor's owner", owner, "allowed"],
  ])("lets only participants read and write: %s gets %s", async (_who, viewer, expected) => {
    const id = await start(casey);
    const before = await messagesIn(id);
    expect(codeOf(await send(viewer, id, "hello"))).toBe(expected);
    expect(await messagesIn(id)).toEqual(expected === "allowed" ? [...before, "hello"] : before);
    expect(codeOf(await h.run(CONVERSATION, { id }, viewer))).toBe(expected);
    expect(codeOf(await h.run(READ, { id }, viewer))).toBe(expected);
    expect(
      codeOf(
        await h.run(
          `mutation ($id: ID!) { setTyping(conversationId: $id, isTyping: true) { isTyping } }`,
          { id },
          viewer,
        ),
      ),
    ).toBe(expected);
  });

  it("trims messages and refuses empty or over-long ones, storing nothing", async () => {
    const id = await start(casey);
    const sent = await send(casey, id, "  hola  ");
    expect(sent.data?.sendMessage).toMatchObject({ text: "hola", senderId: "casey", senderSide: "CUSTOMER" });
    for (const text of ["", "   ", "x".repeat(4001)]) {
      const refused = await send(casey, id, text);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "text" });
    }
    // 4000 characters, some beyond the basic plane, fit.
    expect(codeOf(await send(casey, id, "🌮".repeat(4000)))).toBe("allowed");
    expect(await messagesIn(id)).toHaveLength(2);
  });

  it("stores a retried send once by its client message id, and refuses the key for another text", async () => {
    const id = await start(casey);
    const first = await send(casey, id, "on my way", "phone-42");
    const again = await send(casey, id, "on my way", "phone-42");
    expect(again.data?.sendMessage).toEqual(first.data?.sendMessage);
    expect((fieldOf(first, "sendMessage") as { clientMessageId: string }).clientMessageId).toBe("phone-42");
    expect(codeOf(await send(casey, id, "something else", "phone-42"))).toBe("CONFLICT");
    expect(await messagesIn(id)).toEqual(["on my way"]);
  });

  it("announces each new message, in the message's own write, for the other participant to be notified", async () => {
    const id = await start(casey);
    await send(casey, id, "Do you have vegan tacos?", "k1");
    await send(casey, id, "Do you have vegan tacos?", "k1");
    await send(owner, id, `Yes! ${"a".repeat(200)}`);
    // The outbox holds what the relay will publish; nothing else writes to it here.
    const events = (await h.stores.outbox.oldest(100)).filter((e) => e.type === "communication.message_sent");
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        conversationId: id,
        vendorId: "cart-1",
        senderId: "casey",
        senderSide: "CUSTOMER",
        recipientId: "owner-1",
        preview: "Do you have vegan tacos?",
      }),
      expect.objectContaining({
        senderId: "owner-1",
        senderSide: "VENDOR",
        recipientId: "casey",
        preview: `Yes! ${"a".repeat(135)}`,
      }),
    ]);
  });

  it("pages messages backwards from the newest, each page in sending order", async () => {
    const id = await start(casey);
    for (let i = 1; i <= 5; i += 1) await send(i % 2 ? casey : owner, id, `m${i}`);
    const pages: string[][] = [];
    let before: string | null = null;
    for (;;) {
      const result = await h.run(CONVERSATION, { id, last: 2, before }, casey);
      expect(result.errors).toBeUndefined();
      const page = (
        fieldOf(result, "conversation") as {
          messages: {
            edges: { node: { text: string } }[];
            pageInfo: { hasPreviousPage: boolean; startCursor: string };
          };
        }
      ).messages;
      pages.push(page.edges.map((e) => e.node.text));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(pages).toEqual([["m4", "m5"], ["m2", "m3"], ["m1"]]);
    const other = await start(dana);
    const bad = await h.run(CONVERSATION, { id: other, before: "garbage" }, dana);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "before" });
  });

  it("counts unread messages per side and marks them read up to a message", async () => {
    const id = await start(casey);
    await send(casey, id, "hi");
    const reply = await send(owner, id, "hello");
    await send(owner, id, "what would you like?");
    const view = async (viewer: Viewer) =>
      (await h.run(CONVERSATION, { id }, viewer)).data?.conversation as {
        unreadCount: number;
        lastMessage: { text: string };
      };
    expect(await view(casey)).toMatchObject({
      unreadCount: 2,
      lastMessage: { text: "what would you like?" },
    });
    expect((await view(owner)).unreadCount).toBe(0);
    const replyId = (fieldOf(reply, "sendMessage") as { id: string }).id;
    const partly = await h.run(READ, { id, upTo: replyId }, casey);
    expect(partly.data?.markConversationRead).toMatchObject({
      unreadCount: 1,
      readReceipts: expect.arrayContaining([{ side: "CUSTOMER", lastReadMessageId: replyId }]),
    });
    expect((await h.run(READ, { id }, casey)).data?.markConversationRead).toMatchObject({ unreadCount: 0 });
    const other = await start(dana);
    const foreign = (await send(dana, other, "elsewhere")).data?.sendMessage as { id: string };
    expect((await h.run(READ, { id, upTo: foreign.id }, casey)).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "upToMessageId",
    });
  });

  it("lists a person's conversations newest activity first, as customer and as vendor owner", async () => {
    const first = await start(casey, "cart-1");
    const second = await start(casey, "cart-2");
    const third = await start(dana, "cart-2");
    await send(dana, third, "hello from dana");
    await send(owner, first, "hello casey");
    type Mine = {
      myConversations: {
        totalCount: number;
        edges: { node: { id: string; mySide: string; unreadCount: number } }[];
      };
    };
    const list = async (viewer: Viewer, variables: Record<string, unknown> = {}) =>
      ((await h.run(MINE, variables, viewer)).data as Mine).myConversations;
    const ids = async (viewer: Viewer, variables: Record<string, unknown> = {}) =>
      (await list(viewer, variables)).edges.map((e) => e.node.id);
    expect(await ids(casey)).toEqual([first, second]);
    expect((await list(casey)).edges[0]?.node).toMatchObject({ mySide: "CUSTOMER", unreadCount: 1 });
    expect(await ids(owner)).toEqual([first, third, second]);
    expect((await list(owner)).edges.map((e) => [e.node.mySide, e.node.unreadCount])).toEqual([
      ["VENDOR", 0],
      ["VENDOR", 1],
      ["VENDOR", 0],
    ]);
    expect(await ids(owner, { vendorId: "cart-2" })).toEqual([third, second]);
    expect(await ids(owner, { side: "CUSTOMER" })).toEqual([]);
    expect(await ids(casey, { side: "VENDOR" })).toEqual([]);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: Result = await h.run(MINE, { first: 1, after }, owner);
      const page = fieldOf(result, "myConversations") as Mine["myConversations"] & {
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      expect(page.totalCount).toBe(3);
      paged.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual([first, third, second]);
    expect(codeOf(await h.run(MINE, {}, anonymous))).toBe("UNAUTHENTICATED");
  });

  it("hands the vendor side to the vendor's new owner", async () => {
    const id = await start(casey);
    await h.stores.chatVendors.apply({
      vendorId: "cart-1",
      name: "Taco Cart",
      ownerId: "owner-2",
      listed: true,
      version: 2,
    });
    expect(codeOf(await send(owner, id, "still me?"))).toBe("NOT_FOUND");
    expect(
      (await send(personViewer("owner-2", ["VENDOR"]), id, "new owner here")).data?.sendMessage,
    ).toMatchObject({
      senderSide: "VENDOR",
    });
  });

  it("reads 30 conversations' unread counts, last messages, messages and owners with one store query each", async () => {
    for (let i = 0; i < 30; i += 1) {
      const vendorId = `bulk-${i}`;
      await h.stores.chatVendors.apply({
        vendorId,
        name: `Cart ${i}`,
        ownerId: "owner-1",
        listed: true,
        version: 1,
      });
      const id = await start(casey, vendorId);
      await send(owner, id, `hello ${i}`);
    }
    const calls: Record<string, number> = {};
    const count = <T extends object>(target: T, names: (keyof T & string)[]) => {
      for (const name of names) {
        const original = (target[name] as (...args: unknown[]) => unknown).bind(target);
        (target as Record<string, unknown>)[name] = (...args: unknown[]) => {
          calls[name] = (calls[name] ?? 0) + 1;
          return original(...args);
        };
      }
    };
    count(h.stores.conversations, ["unreadCounts", "findMessages", "latestMessages", "messages"]);
    count(h.stores.chatVendors, ["findMany"]);
    const result = await h.run(
      `{ myConversations(first: 30) { edges { node { unreadCount vendorOwnerId lastMessage { text } messages(last: 2) { edges { node { text } } } } } } }`,
      {},
      casey,
    );
    expect(result.errors).toBeUndefined();
    expect(
      (fieldOf(result, "myConversations") as { edges: { node: { unreadCount: number } }[] }).edges.map(
        (e) => e.node.unreadCount,
      ),
    ).toEqual(Array(30).fill(1));
    expect(calls).toEqual({ unreadCounts: 1, findMessages: 1, latestMessages: 1, findMany: 1 });
  });
});
