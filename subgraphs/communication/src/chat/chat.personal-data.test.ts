import { personViewer } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { communicationHarness, tacoCart } from "../communication.harness.js";
import { erasedParticipantId } from "./conversation.record.js";

type Harness = Awaited<ReturnType<typeof communicationHarness>>;

const casey = personViewer("casey", ["CUSTOMER"]);
const owner = personViewer("owner-1", ["VENDOR"]);

const CONVERSATION = `query ($id: ID!) {
  conversation(id: $id) {
    customerId unreadCount lastMessage { text erased }
    messages(last: 10) { edges { node { senderId senderSide text erased clientMessageId } } }
  }
}`;
const MINE = `query { myConversations(first: 10) { totalCount } }`;
const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;

describe("a deleted customer's conversations, as the vendor sees them", () => {
  let h: Harness;
  let conversationId: string;
  beforeEach(async () => {
    h = await communicationHarness();
    await h.stores.chatVendors.apply(tacoCart);
    conversationId = (await h.services.chat.start(casey, "cart-1")).id;
    await h.services.chat.send(casey, {
      conversationId,
      text: "Deliver to 12 Quiet Lane",
      clientMessageId: "c-1",
    });
    await h.services.chat.send(owner, { conversationId, text: "On our way" });
    await h.services.chat.send(casey, { conversationId, text: "Ring twice" });
  });
  afterEach(() => h.close());

  it("keeps the conversation and the vendor's words, with the customer's erased and unnamed", async () => {
    await h.services.contacts.eraseUser("casey");

    const seen = await h.run(CONVERSATION, { id: conversationId }, owner);
    expect(seen.errors).toBeUndefined();
    const anonymous = erasedParticipantId(conversationId, "CUSTOMER");
    expect(seen.data?.conversation).toEqual({
      customerId: anonymous,
      unreadCount: 1,
      lastMessage: { text: "", erased: true },
      messages: {
        edges: [
          {
            node: {
              senderId: anonymous,
              senderSide: "CUSTOMER",
              text: "",
              erased: true,
              clientMessageId: null,
            },
          },
          {
            node: {
              senderId: "owner-1",
              senderSide: "VENDOR",
              text: "On our way",
              erased: false,
              clientMessageId: null,
            },
          },
          {
            node: {
              senderId: anonymous,
              senderSide: "CUSTOMER",
              text: "",
              erased: true,
              clientMessageId: null,
            },
          },
        ],
      },
    });
    // Nothing is left of the deleted account's side, and the account itself is refused outright.
    expect(await h.stores.conversations.count({ customerId: "casey", vendorIds: [] })).toBe(0);
    expect((await h.run(MINE, {}, casey)).errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect((await h.run(CONVERSATION, { id: conversationId }, casey)).errors?.[0]?.extensions?.code).toBe(
      "CONFLICT",
    );
    // Nobody is left to read an answer: the conversation takes no more messages.
    const answer = await h.run(SEND, { input: { conversationId, text: "Hello?" } }, owner);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "conversationId" });
    expect((await h.stores.conversations.messages(conversationId, 10)).records).toHaveLength(3);
  });
});
