import { postGraphQL, type Stack, startStack } from "@venta/testing";
import { type Client, createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { verifyVendor } from "../onboarding/verify-vendor.js";

interface Received {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

const MESSAGES = `subscription ($id: ID!) { messageAdded(conversationId: $id) { text senderSide } }`;
const TYPING = `subscription ($id: ID!) { typingChanged(conversationId: $id) { side isTyping } }`;

async function until(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("chat between a customer and a vendor, live through the router", () => {
  let stack: Stack;
  let customer: Record<string, string>;
  let owner: Record<string, string>;
  let stranger: Record<string, string>;
  let conversationId: string;
  const clients: Client[] = [];
  const graphql = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
    postGraphQL(`${stack.urls.router}/graphql`, query, variables, headers);
  /** A chat screen's socket, signed in like the app: credentials in `connection_init`. */
  const connect = (headers: Record<string, string>) => {
    const client = createClient({
      url: `${stack.urls.router.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: headers,
    });
    clients.push(client);
    return client;
  };
  const follow = (client: Client, query: string) => {
    const received: Received[] = [];
    let done = false;
    const stop = client.subscribe(
      { query, variables: { id: conversationId } },
      {
        next: (value) => received.push(value as Received),
        error: () => {
          done = true;
        },
        complete: () => {
          done = true;
        },
      },
    );
    return { received, stop, done: () => done };
  };

  beforeAll(async () => {
    stack = await startStack();
    ({ headers: owner } = await stack.signUp("Ana", ["VENDOR"]));
    ({ headers: customer } = await stack.signUp("Casey", ["CUSTOMER"]));
    ({ headers: stranger } = await stack.signUp("Dana", ["CUSTOMER"]));
    const created = await graphql(
      `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { id } }`,
      { input: { name: "Chat Taco Cart", cuisines: ["tacos"] } },
      owner,
    );
    const vendorId = (created.data?.createVendor as { id: string } | undefined)?.id;
    if (!vendorId) throw new Error(`could not create a vendor: ${JSON.stringify(created.errors)}`);
    await verifyVendor(stack, vendorId);
    // Communication learns of the verified vendor and its owner from marketplace's events.
    const start = `mutation ($vendorId: ID!) { startConversation(vendorId: $vendorId) { id } }`;
    for (let attempt = 0; ; attempt += 1) {
      const started = await graphql(start, { vendorId }, customer);
      const id = (started.data?.startConversation as { id: string } | undefined)?.id;
      if (id) {
        conversationId = id;
        break;
      }
      if (attempt > 200) throw new Error(`could not start a conversation: ${JSON.stringify(started.errors)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 90_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await stack?.close();
  });

  it("delivers the customer's message and the vendor's typing to the other side as they happen", async () => {
    const vendorScreen = follow(connect(owner), MESSAGES);
    const customerTyping = follow(connect(customer), TYPING);
    // A subscription is live once the subgraph accepted it; a first message may race it, so resend until heard.
    for (let attempt = 0; vendorScreen.received.length === 0 && attempt < 40; attempt += 1) {
      const sent = await graphql(
        `mutation ($id: ID!, $key: String) { sendMessage(input: { conversationId: $id, text: "Are you open tonight?", clientMessageId: $key }) { id } }`,
        { id: conversationId, key: `hello-${attempt}` },
        customer,
      );
      expect(sent.errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(vendorScreen.received[0]).toEqual({
      data: { messageAdded: { text: "Are you open tonight?", senderSide: "CUSTOMER" } },
    });
    for (let attempt = 0; customerTyping.received.length === 0 && attempt < 40; attempt += 1) {
      await graphql(
        `mutation ($id: ID!) { setTyping(conversationId: $id, isTyping: true) { isTyping } }`,
        { id: conversationId },
        owner,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(customerTyping.received[0]).toEqual({
      data: { typingChanged: { side: "VENDOR", isTyping: true } },
    });
  });

  it("refuses a subscription to someone else's conversation with NOT_FOUND", async () => {
    const snoop = follow(connect(stranger), MESSAGES);
    await until(snoop.done, "the refusal");
    expect(snoop.received.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(["NOT_FOUND"]);
  });
});
