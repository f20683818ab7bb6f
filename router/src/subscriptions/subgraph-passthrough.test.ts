import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role } from "@venta/auth";
import {
  buildCommunicationSchema,
  type CommunicationServices,
  communicationContext,
  communicationServices,
  loadCommunicationConfig,
  type OpenCommunicationStores,
  openCommunicationStores,
} from "@venta/communication";
import { SqliteEventBus } from "@venta/events";
import { internalIdentity, type RunningServer, startSubgraphServer } from "@venta/kit";
import { SqliteLiveFeed } from "@venta/live";
import { postGraphQL, testLogger } from "@venta/testing";
import { type Client, createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { committedSupergraphPath, loadRouterConfig } from "../config.js";
import { testRouterOptions } from "../router-options.harness.js";
import { type RunningRouter, startRouter } from "../router-server.js";
import { type RouterSecurity, routerSecurity } from "../security/router-security.js";
import { SubgraphPassthrough, UpstreamErrors } from "./subgraph-passthrough.js";
import { subscriptionOwners } from "./subscription-owners.js";

interface Received {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** A subscription as a client app sees it: what arrived, and how it ended. */
function follow(client: Client, query: string, variables: Record<string, unknown>) {
  const received: Received[] = [];
  let ended: "complete" | "error" | null = null;
  let failure: unknown;
  const stop = client.subscribe<Record<string, unknown>>(
    { query, variables },
    {
      next: (value) => received.push(value as Received),
      error: (error) => {
        ended = "error";
        failure = error;
      },
      complete: () => {
        ended = "complete";
      },
    },
  );
  return {
    received,
    stop,
    ended: () => ended,
    failure: () => failure,
  };
}

const MESSAGES = `subscription Messages($id: ID!) { messageAdded(conversationId: $id) { text senderSide senderId } }`;
const TYPING = `subscription Typing($id: ID!) { typingChanged(conversationId: $id) { userId side isTyping } }`;

describe("chat subscriptions through the router, forwarded to the communication subgraph", () => {
  let dataDir: string;
  let stores: OpenCommunicationStores;
  let bus: SqliteEventBus;
  let services: CommunicationServices;
  let communication: RunningServer;
  let router: RunningRouter;
  let security: RouterSecurity;
  let liveFeed: SqliteLiveFeed;
  let conversationId: string;
  const clients: Client[] = [];

  const headers = async (userId: string, roles: Role[]) => ({
    authorization: `Bearer ${await security.devIssuer?.sign({ userId, roles })}`,
  });
  const graphql = async (query: string, variables: Record<string, unknown>, userId: string) =>
    postGraphQL(router.url, query, variables, await headers(userId, ["CUSTOMER"]));
  const connect = async (userId: string | null) => {
    const client = createClient({
      url: router.url.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: userId ? await headers(userId, ["CUSTOMER"]) : {},
    });
    clients.push(client);
    return client;
  };
  const openStreams = () => services.chatFeed.openStreams;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "venta-passthrough-"));
    const env = { DATA_DIR: dataDir, NODE_ENV: "test" as const, INTERNAL_AUTH_SECRET: "s".repeat(40) };
    const config = loadCommunicationConfig(env);
    stores = await openCommunicationStores({ DATA_DIR: ":memory:" });
    bus = new SqliteEventBus(":memory:", testLogger);
    services = communicationServices(stores, bus, config, testLogger);
    communication = await startSubgraphServer({
      name: "communication",
      host: "127.0.0.1",
      port: 0,
      log: testLogger,
      schema: await buildCommunicationSchema(),
      identity: internalIdentity(config),
      createContext: communicationContext(services),
      healthChecks: {},
      subscriptions: true,
    });
    const routerConfig = loadRouterConfig(env);
    const unused = "http://127.0.0.1:9/graphql";
    security = await routerSecurity(routerConfig, internalIdentity(routerConfig), unused, testLogger);
    liveFeed = new SqliteLiveFeed(join(dataDir, "live.db"));
    router = await startRouter(
      testRouterOptions(
        {
          subgraphUrls: { marketplace: unused, location: unused, communication: communication.url },
          liveFeed,
          security,
        },
        { subgraphTimeoutMs: 5_000, sockets: { maxMessageBytes: 64 * 1024 } },
      ),
    );
    // Marketplace would announce the vendor; here its projection is written directly.
    await stores.chatVendors.apply({
      vendorId: "cart-1",
      name: "Taco Cart",
      ownerId: "ana",
      listed: true,
      version: 1,
    });
    const started = await graphql(`mutation { startConversation(vendorId: "cart-1") { id } }`, {}, "casey");
    conversationId = (started.data?.startConversation as { id: string } | undefined)?.id as string;
    if (!conversationId) throw new Error(`could not start a conversation: ${JSON.stringify(started.errors)}`);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await router?.stop();
    await communication?.stop();
    await services?.chatFeed.close();
    await liveFeed?.close();
    await bus?.close();
    await stores?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("finds each subscription's subgraph in the supergraph", async () => {
    const owners = subscriptionOwners(readFileSync(committedSupergraphPath, "utf8"), {
      communication: "http://chat:4003/graphql",
    });
    expect(owners.get("messageAdded")).toEqual({ name: "communication", url: "http://chat:4003/graphql" });
    expect(owners.get("typingChanged")?.name).toBe("communication");
    expect(owners.get("vendorLocationUpdated")).toEqual({
      name: "location",
      url: "http://127.0.0.1:4002/graphql",
    });
  });

  it("delivers a message live to the other participant, through the router", async () => {
    const ana = follow(await connect("ana"), MESSAGES, { id: conversationId });
    await expect.poll(openStreams).toBe(1);
    const sent = await graphql(
      `mutation ($id: ID!) { sendMessage(input: { conversationId: $id, text: "Do you have vegan tacos?" }) { id } }`,
      { id: conversationId },
      "casey",
    );
    expect(sent.errors).toBeUndefined();
    await expect.poll(() => ana.received.length).toBe(1);
    expect(ana.received[0]).toEqual({
      data: { messageAdded: { text: "Do you have vegan tacos?", senderSide: "CUSTOMER", senderId: "casey" } },
    });
    ana.stop();
    // The client completed: the router completes the subgraph's subscription too.
    await expect.poll(openStreams).toBe(0);
  });

  it("refuses someone outside the conversation with NOT_FOUND, and anonymous callers with UNAUTHENTICATED", async () => {
    const outsider = follow(await connect("dana"), MESSAGES, { id: conversationId });
    await expect.poll(outsider.ended).not.toBeNull();
    expect(outsider.received.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(["NOT_FOUND"]);
    expect(outsider.received[0]?.data ?? null).toBeNull();
    const anonymous = follow(await connect(null), TYPING, { id: conversationId });
    await expect.poll(anonymous.ended).not.toBeNull();
    expect(anonymous.received.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    expect(openStreams()).toBe(0);
  });

  it("still refuses, at the router, a selection the supergraph does not have", async () => {
    const client = await connect("casey");
    const broken = follow(client, `subscription ($id: ID!) { messageAdded(conversationId: $id) { nope } }`, {
      id: conversationId,
    });
    await expect.poll(broken.ended).toBe("error");
    expect(JSON.stringify(broken.failure())).toContain("nope");
    expect(openStreams()).toBe(0);
  });

  it("delivers the other participant's typing, and ends the upstream when the client disconnects", async () => {
    const client = await connect("casey");
    const casey = follow(client, TYPING, { id: conversationId });
    const messages = follow(client, MESSAGES, { id: conversationId });
    await expect.poll(openStreams).toBe(2);
    for (const isTyping of [true, false]) {
      const typed = await postGraphQL(
        router.url,
        `mutation ($id: ID!, $on: Boolean!) { setTyping(conversationId: $id, isTyping: $on) { isTyping } }`,
        { id: conversationId, on: isTyping },
        await headers("ana", ["VENDOR"]),
      );
      expect(typed.errors).toBeUndefined();
    }
    await expect.poll(() => casey.received.length).toBe(2);
    expect(casey.received).toEqual([
      { data: { typingChanged: { userId: "ana", side: "VENDOR", isTyping: true } } },
      { data: { typingChanged: { userId: "ana", side: "VENDOR", isTyping: false } } },
    ]);
    expect(messages.received).toEqual([]);
    // The app goes away without completing anything: both upstream subscriptions end with it.
    await client.dispose();
    await expect.poll(openStreams).toBe(0);
  });
});

describe("a forwarded subscription whose subgraph cannot be reached", () => {
  it("ends with SERVICE_UNAVAILABLE naming the service, not with the socket's error", async () => {
    const config = loadRouterConfig({ NODE_ENV: "test", INTERNAL_AUTH_SECRET: "s".repeat(40) });
    const forwarder = new SubgraphPassthrough(internalIdentity(config), testLogger);
    const socket = {};
    const stream = forwarder.forward(
      socket,
      { userId: "casey", roles: ["CUSTOMER"], partner: null },
      { name: "communication", url: "http://127.0.0.1:9/graphql" },
      { query: MESSAGES, variables: { id: "c1" } },
    );
    const failure = await stream.next().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(UpstreamErrors);
    expect((failure as UpstreamErrors).errors).toEqual([
      {
        message: "The communication service is unavailable; try again shortly.",
        extensions: { code: "SERVICE_UNAVAILABLE" },
      },
    ]);
    await forwarder.release(socket);
  });
});
