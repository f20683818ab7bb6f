import { anonymous, personViewer, type Viewer } from "@venta/auth";
import { testLogger } from "@venta/testing";
import { type ExecutionResult, type GraphQLSchema, parse, subscribe } from "graphql";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { communicationHarness, tacoCart } from "../communication.harness.js";
import { buildCommunicationSchema } from "../schema.js";
import { communicationContext } from "../services.js";

type Harness = Awaited<ReturnType<typeof communicationHarness>>;

const casey = personViewer("casey", ["CUSTOMER"]);
const owner = personViewer("owner-1", ["VENDOR"]);
const dana = personViewer("dana", ["CUSTOMER"]);

describe("live chat in the communication subgraph", () => {
  let schema: GraphQLSchema;
  let h: Harness;
  let conversationId: string;
  beforeAll(async () => {
    schema = await buildCommunicationSchema();
  });
  beforeEach(async () => {
    h = await communicationHarness();
    await h.stores.chatVendors.apply(tacoCart);
    conversationId = (await h.services.chat.start(casey, "cart-1")).id;
  });
  afterEach(() => h.close());

  const open = async (query: string, viewer: Viewer) => {
    const result = await subscribe({
      schema,
      document: parse(query),
      variableValues: { id: conversationId },
      contextValue: communicationContext(h.services)({ requestId: "test", log: testLogger, viewer }),
    });
    return result as AsyncGenerator<ExecutionResult> | ExecutionResult;
  };
  const stream = async (query: string, viewer: Viewer) => {
    const result = await open(query, viewer);
    if (!(Symbol.asyncIterator in result)) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
    return result;
  };

  const MESSAGES = `subscription ($id: ID!) { messageAdded(conversationId: $id) { text senderSide senderId } }`;
  const TYPING = `subscription ($id: ID!) { typingChanged(conversationId: $id) { userId side isTyping expiresAt } }`;

  it("delivers each new message to both participants, as it is sent", async () => {
    const customer = await stream(MESSAGES, casey);
    const vendor = await stream(MESSAGES, owner);
    await h.services.chat.send(casey, { conversationId, text: "Are you open?" });
    await h.services.chat.send(owner, { conversationId, text: "Until 9!" });
    for (const live of [customer, vendor]) {
      expect((await live.next()).value).toEqual({
        data: { messageAdded: { text: "Are you open?", senderSide: "CUSTOMER", senderId: "casey" } },
      });
      expect((await live.next()).value).toEqual({
        data: { messageAdded: { text: "Until 9!", senderSide: "VENDOR", senderId: "owner-1" } },
      });
    }
    await customer.return(undefined);
    await vendor.return(undefined);
    expect(h.services.chatFeed.openStreams).toBe(0);
  });

  it.each<[string, Viewer, string]>([
    ["anonymous", anonymous, "UNAUTHENTICATED"],
    ["someone outside the conversation", dana, "NOT_FOUND"],
  ])("refuses %s with %s and opens no stream", async (_who, viewer, code) => {
    for (const query of [MESSAGES, TYPING]) {
      const result = await open(query, viewer);
      expect(Symbol.asyncIterator in result).toBe(false);
      expect((result as ExecutionResult).errors?.[0]?.extensions?.code).toBe(code);
    }
    expect(h.services.chatFeed.openStreams).toBe(0);
  });

  it("tells each participant when the other types, and not when they type themselves", async () => {
    const customer = await stream(TYPING, casey);
    await h.services.chat.setTyping(casey, conversationId, true);
    await h.services.chat.setTyping(owner, conversationId, true);
    await h.services.chat.setTyping(owner, conversationId, false);
    const first = (await customer.next()).value as ExecutionResult<{
      typingChanged: { expiresAt: Date | null };
    }>;
    expect(first.data?.typingChanged).toMatchObject({ userId: "owner-1", side: "VENDOR", isTyping: true });
    expect(first.data?.typingChanged.expiresAt).toBeInstanceOf(Date);
    expect((await customer.next()).value).toEqual({
      data: { typingChanged: { userId: "owner-1", side: "VENDOR", isTyping: false, expiresAt: null } },
    });
    await customer.return(undefined);
    expect(h.services.chatFeed.openStreams).toBe(0);
  });
});
