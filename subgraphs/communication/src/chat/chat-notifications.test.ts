import { personViewer, type Viewer } from "@venta/auth";
import { type MessageSent, type OutboxRelay, startOutboxRelay } from "@venta/events";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handledBy } from "../bus.harness.js";
import { communicationHarness, tacoCart } from "../communication.harness.js";
import { ChatService } from "./chat.service.js";
import { CHAT_NOTIFICATIONS_CONSUMER, ChatNotifier, followChatMessages } from "./chat-notifications.js";

type Harness = Awaited<ReturnType<typeof communicationHarness>>;

const casey = personViewer("casey", ["CUSTOMER"]);
const owner = personViewer("owner-1", ["VENDOR"]);
const WINDOW_SECONDS = 300;
const CARRIED = "test.chat-messages-carried";

const START = `mutation ($vendorId: ID!) { startConversation(vendorId: $vendorId) { id } }`;
const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;
const READ = `mutation ($id: ID!) { markConversationRead(conversationId: $id) { unreadCount } }`;
const NOTIFICATIONS = `query {
  myNotifications(first: 50) {
    totalCount
    edges { node { topic title body subjectId deliveries { channel destination } } }
  }
}`;

const idOf = (value: unknown): string => {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  if (typeof id !== "string") throw new Error(`expected something with an id, got ${JSON.stringify(value)}`);
  return id;
};

interface Listed {
  totalCount: number;
  edges: { node: { topic: string; title: string; body: string; subjectId: string } }[];
}

describe("chat messages notify the other participant", () => {
  let h: Harness;
  let clock: Date;
  let notifier: ChatNotifier;
  let relay: OutboxRelay;
  let conversationId: string;
  /** Every `communication.message_sent` the bus carried, by message id. */
  let carried: Map<string, MessageSent>;

  const tick = () => {
    clock = new Date(clock.getTime() + 1000);
    return clock;
  };
  const notificationsOf = async (viewer: Viewer): Promise<Listed> => {
    const result = await h.run(NOTIFICATIONS, {}, viewer);
    expect(result.errors).toBeUndefined();
    return result.data?.myNotifications as Listed;
  };
  const send = async (viewer: Viewer, text: string): Promise<string> => {
    const result = await h.run(SEND, { input: { conversationId, text } }, viewer);
    expect(result.errors).toBeUndefined();
    return idOf(result.data?.sendMessage);
  };
  /** Publishes what chat recorded in its outbox and waits until the notifier has handled it. */
  const deliverEvents = async () => {
    await relay.flush();
    await handledBy(h.bus, [CHAT_NOTIFICATIONS_CONSUMER, CARRIED]);
  };

  beforeEach(async () => {
    h = await communicationHarness();
    clock = new Date(Date.UTC(2026, 5, 1, 12));
    h.services.chat = new ChatService(
      h.stores.conversations,
      h.stores.chatVendors,
      h.services.chatFeed,
      tick,
    );
    notifier = new ChatNotifier(
      h.stores.conversations,
      h.stores.chatVendors,
      h.services.notifications,
      WINDOW_SECONDS,
      () => clock,
    );
    followChatMessages(h.bus, notifier, testLogger);
    carried = new Map();
    h.bus.consume(CARRIED, ["communication.message_sent"], async (event) => {
      const sent = event.payload as MessageSent;
      carried.set(sent.messageId, sent);
    });
    relay = startOutboxRelay({ outbox: h.stores.outbox, bus: h.bus, log: testLogger });
    await h.stores.chatVendors.apply(tacoCart);
    await h.services.contacts.upsertFromIdentity({
      userId: "casey",
      email: "casey@example.com",
      locale: "en-US",
    });
    await h.services.contacts.upsertFromIdentity({
      userId: "owner-1",
      email: "owner@example.com",
      locale: "es-MX",
    });
    // The owner wants chat messages by e-mail too (off unless chosen).
    await h.services.notificationSettings.update(owner, { topics: [{ topic: "CHAT_MESSAGE", email: true }] });
    const started = await h.run(START, { vendorId: "cart-1" }, casey);
    conversationId = idOf(started.data?.startConversation);
  });
  afterEach(async () => {
    await relay.stop();
    await h.close();
  });

  it("tells the vendor's owner once about a burst, in their language, and never the sender", async () => {
    const first = await send(casey, "Are you open tonight?");
    for (let i = 2; i <= 20; i += 1) await send(casey, `message ${i}`);
    await deliverEvents();

    const ownerSees = await notificationsOf(owner);
    expect(ownerSees.totalCount).toBe(1);
    expect(ownerSees.edges[0]?.node).toEqual({
      topic: "CHAT_MESSAGE",
      title: "Nuevo mensaje",
      body: "Are you open tonight?",
      subjectId: conversationId,
      deliveries: [{ channel: "EMAIL", destination: "o•••@example.com" }],
    });
    expect((await h.stores.notifications.listByUser("owner-1", 10)).records[0]?.dedupeKey).toBe(
      `chat:${first}`,
    );
    expect((await notificationsOf(casey)).totalCount).toBe(0);

    // The bus delivers at least once: handling the first message again tells nobody again.
    expect(await notifier.onMessageSent(carried.get(first) as MessageSent)).toBe("NOTIFY");
    expect((await notificationsOf(owner)).totalCount).toBe(1);
  });

  it("names the vendor to the customer, and tells again once the recipient caught up or the window passed", async () => {
    await send(casey, "Are you open tonight?");
    await deliverEvents();
    // The owner reads and answers: the customer hears about it, under the vendor's name.
    expect((await h.run(READ, { id: conversationId }, owner)).errors).toBeUndefined();
    await send(owner, "Until 11, come by!");
    await deliverEvents();
    expect((await notificationsOf(casey)).edges.map((e) => [e.node.title, e.node.body])).toEqual([
      ["New message from Taco Cart", "Until 11, come by!"],
    ]);

    // The owner read up to what they were told about: the next message is news again.
    await send(casey, "Great, see you");
    await deliverEvents();
    expect((await notificationsOf(owner)).totalCount).toBe(2);
    // Not read since: covered by that notification, within the window.
    await send(casey, "Two tacos please");
    await deliverEvents();
    expect((await notificationsOf(owner)).totalCount).toBe(2);
    // Still unread after the window: a reminder with the newest message.
    clock = new Date(clock.getTime() + (WINDOW_SECONDS + 1) * 1000);
    await send(casey, "Are you still there?");
    await deliverEvents();
    const ownerSees = await notificationsOf(owner);
    expect(ownerSees.edges.map((e) => e.node.body).sort()).toEqual([
      "Are you open tonight?",
      "Are you still there?",
      "Great, see you",
    ]);
  });

  it("tells nobody about a message the recipient read before the notice was due", async () => {
    const id = await send(casey, "Are you open tonight?");
    expect((await h.run(READ, { id: conversationId }, owner)).errors).toBeUndefined();
    await deliverEvents();
    expect((await notificationsOf(owner)).totalCount).toBe(0);
    expect(await notifier.onMessageSent(carried.get(id) as MessageSent)).toBe("ALREADY_READ");
  });
});
