import { forbidden, IDENTITY_HEADER, InternalIdentity, personViewer } from "@venta/auth";
import {
  type FormattedExecutionResult,
  type GraphQLFieldConfig,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from "graphql";
import { type Client, createClient } from "graphql-ws";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { RequestContext } from "./request-context.js";
import type { RunningServer } from "./subgraph-server.js";
import { startSubgraphServer } from "./subgraph-server.js";
import { testLog } from "./test-log.harness.js";

const identity = new InternalIdentity(new TextEncoder().encode("a-secret-for-subgraph-socket-tests"));
const forged = new InternalIdentity(new TextEncoder().encode("not-the-routers-secret-at-all-000"));

interface CountingContext extends RequestContext {
  built: number;
}

/** Streams `count` ticks; each names the caller and the context it was resolved with. */
const ticks: GraphQLFieldConfig<unknown, CountingContext, { count: number }> = {
  type: new GraphQLNonNull(GraphQLString),
  args: { count: { type: new GraphQLNonNull(GraphQLInt) } },
  subscribe: async function* (_root, { count }) {
    for (let i = 1; i <= count; i += 1) yield i;
  },
  resolve: (tick, _args, ctx) => `${ctx.viewer.userId ?? "anonymous"}:${String(tick)}:context ${ctx.built}`,
};

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: "Query", fields: { ok: { type: GraphQLString } } }),
  subscription: new GraphQLObjectType<unknown, CountingContext>({
    name: "Subscription",
    fields: {
      ticks,
      refused: {
        type: GraphQLString,
        subscribe: () => {
          throw forbidden("not yours");
        },
      },
      broken: {
        type: GraphQLString,
        subscribe: async function* () {
          yield 1;
        },
        resolve: () => {
          throw new Error("database password is hunter2");
        },
      },
    },
  }),
});

describe("a subgraph's subscriptions over graphql-ws", () => {
  const running: RunningServer[] = [];
  const clients: Client[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await Promise.all(running.splice(0).map((server) => server.stop()));
  });

  const start = async (subscriptions: boolean, maxSocketMessageBytes?: number) => {
    let contexts = 0;
    const server = await startSubgraphServer<CountingContext>({
      name: "test",
      host: "127.0.0.1",
      port: 0,
      log: testLog,
      schema,
      identity,
      createContext: (base) => ({ ...base, built: ++contexts }),
      healthChecks: {},
      subscriptions,
      ...(maxSocketMessageBytes ? { maxSocketMessageBytes } : {}),
    });
    running.push(server);
    return server;
  };

  const connect = (server: RunningServer, connectionParams?: Record<string, unknown>) => {
    const client = createClient({
      url: server.url.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      // Refusals are asserted through the client's events.
      onNonLazyError: () => {},
      ...(connectionParams ? { connectionParams } : {}),
    });
    clients.push(client);
    return client;
  };

  const all = async (client: Client, query: string) => {
    const results: FormattedExecutionResult<Record<string, unknown>, unknown>[] = [];
    for await (const result of client.iterate({ query })) results.push(result);
    return results;
  };

  /** How the socket ended: the close code the server chose. */
  const closeCode = (client: Client) =>
    new Promise<number>((resolve) =>
      client.on("closed", (event) => resolve((event as { code: number }).code)),
    );

  it("runs a subscription as the caller the router signed for, with a context of its own", async () => {
    const server = await start(true);
    const token = await identity.sign(personViewer("casey", ["CUSTOMER"]));
    const client = connect(server, { [IDENTITY_HEADER]: token });
    expect(await all(client, "subscription { ticks(count: 3) }")).toEqual([
      { data: { ticks: "casey:1:context 1" } },
      { data: { ticks: "casey:2:context 1" } },
      { data: { ticks: "casey:3:context 1" } },
    ]);
    expect(await all(client, "subscription { ticks(count: 1) }")).toEqual([
      { data: { ticks: "casey:1:context 2" } },
    ]);
  });

  it.each<[string, Record<string, unknown> | "forged" | undefined]>([
    ["without an identity", undefined],
    ["with an empty identity", { [IDENTITY_HEADER]: "" }],
    ["with an identity signed by anyone but the router", "forged"],
  ])("closes a socket opened %s with 4403", async (_how, params) => {
    const server = await start(true);
    const connectionParams =
      params === "forged"
        ? { [IDENTITY_HEADER]: await forged.sign(personViewer("mallory", ["ADMIN"])) }
        : params;
    const client = connect(server, connectionParams);
    expect(await closeCode(client)).toBe(4403);
  });

  it("keeps a client error's code and hides what went wrong inside", async () => {
    const server = await start(true);
    const client = connect(server, { [IDENTITY_HEADER]: await identity.sign(personViewer("casey", [])) });
    const [refused] = await all(client, "subscription { refused }");
    expect(refused?.errors?.[0]).toMatchObject({ message: "not yours", extensions: { code: "FORBIDDEN" } });
    const [broken] = await all(client, "subscription { broken }");
    expect(broken?.errors?.[0]).toMatchObject({
      message: "Internal server error",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(JSON.stringify(broken)).not.toContain("hunter2");
  });

  it("closes a socket whose message is larger than the limit with 1009, before reading it", async () => {
    const server = await start(true, 4 * 1024);
    const client = connect(server, { [IDENTITY_HEADER]: await identity.sign(personViewer("casey", [])) });
    const closed = closeCode(client);
    const padding = "x".repeat(6 * 1024);
    const results = all(client, `subscription { ticks(count: 1) } # ${padding}`).catch(() => []);
    expect(await closed).toBe(1009);
    expect(await results).toEqual([]);
  });

  it("names the request id on the upgrade's answer, as over HTTP", async () => {
    const server = await start(true);
    const upgraded = new WebSocket(server.url.replace(/^http/, "ws"), "graphql-transport-ws", {
      headers: { "x-request-id": "socket-42" },
    });
    upgraded.on("error", () => {});
    const header = await new Promise<unknown>((resolve) =>
      upgraded.once("upgrade", (response) => resolve(response.headers["x-request-id"])),
    );
    upgraded.terminate();
    expect(header).toBe("socket-42");
  });

  it("serves no socket unless asked to", async () => {
    const server = await start(false);
    const client = connect(server, { [IDENTITY_HEADER]: await identity.sign(personViewer("casey", [])) });
    const failed = new Promise<unknown>((resolve) => client.on("error", resolve));
    expect(await failed).toBeDefined();
  });
});
