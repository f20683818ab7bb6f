import { anonymous, IDENTITY_HEADER, InternalIdentity, personViewer } from "@venta/auth";
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { createClient } from "graphql-ws";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { baseEnv, ConfigError, loadConfig } from "./config.js";
import { internalIdentity } from "./internal-identity.js";
import type { RequestContext } from "./request-context.js";
import { type RunningServer, startSubgraphServer } from "./subgraph-server.js";
import { testLog } from "./test-log.harness.js";

const secret = new TextEncoder().encode("a-secret-for-subgraph-server-tests");

const schema = new GraphQLSchema({
  query: new GraphQLObjectType<unknown, RequestContext>({
    name: "Query",
    fields: {
      caller: { type: GraphQLString, resolve: (_root, _args, ctx) => ctx.viewer.userId ?? "anonymous" },
    },
  }),
  subscription: new GraphQLObjectType<unknown, RequestContext>({
    name: "Subscription",
    fields: {
      caller: {
        type: GraphQLString,
        subscribe: async function* () {
          yield 1;
        },
        resolve: (_tick, _args, ctx) => ctx.viewer.userId ?? "anonymous",
      },
    },
  }),
});

describe("a subgraph's second wall: the router's signature", () => {
  const running: RunningServer[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.stop()));
  });

  const start = async (identity: InternalIdentity) => {
    const server = await startSubgraphServer<RequestContext>({
      name: "test",
      host: "127.0.0.1",
      port: 0,
      log: testLog,
      schema,
      identity,
      createContext: (base) => base,
      healthChecks: {},
      subscriptions: true,
    });
    running.push(server);
    return server;
  };

  const post = async (server: RunningServer, query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  const subscribe = (server: RunningServer, connectionParams: Record<string, unknown>) =>
    new Promise<{ data?: unknown; closed?: number }>((resolve) => {
      const client = createClient({
        url: server.url.replace(/^http/, "ws"),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams,
        on: { closed: (event) => resolve({ closed: (event as { code: number }).code }) },
      });
      client.subscribe(
        { query: "subscription { caller }" },
        {
          next: (result) => {
            resolve({ data: result.data });
            void client.dispose();
          },
          error: () => {},
          complete: () => {},
        },
      );
    });

  it("refuses an unsigned GraphQL request with 401 UNAUTHENTICATED, introspection and _service alike", async () => {
    const server = await start(new InternalIdentity(secret));
    for (const query of ["{ caller }", "{ __schema { types { name } } }", "{ __typename }"]) {
      const answer = await post(server, query);
      expect(answer.status, query).toBe(401);
      expect(answer.body).toMatchObject({ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] });
      expect(answer.body.data).toBeUndefined();
    }
  });

  it("serves the anonymous caller the router signed for, and a signed person", async () => {
    const identity = new InternalIdentity(secret);
    const server = await start(identity);
    expect(await post(server, "{ caller }", { [IDENTITY_HEADER]: await identity.sign(anonymous) })).toEqual({
      status: 200,
      body: { data: { caller: "anonymous" } },
    });
    const signed = await identity.sign(personViewer("casey", ["CUSTOMER"]));
    expect((await post(server, "{ caller }", { [IDENTITY_HEADER]: signed })).body).toEqual({
      data: { caller: "casey" },
    });
  });

  it("closes an unsigned subscription socket with 4403", async () => {
    const server = await start(new InternalIdentity(secret));
    expect(await subscribe(server, {})).toEqual({ closed: 4403 });
  });

  it("serves unsigned calls as anonymous, over HTTP and WebSocket, when the development opt-out is set", async () => {
    const config = loadConfig(baseEnv, {
      SUBGRAPH_ACCEPT_UNSIGNED: "true",
      INTERNAL_AUTH_SECRET: "x".repeat(32),
    });
    const server = await start(internalIdentity(config));
    expect(await post(server, "{ caller }")).toEqual({
      status: 200,
      body: { data: { caller: "anonymous" } },
    });
    expect(await subscribe(server, {})).toEqual({ data: { caller: "anonymous" } });
  });

  it("refuses to start with the opt-out in production", () => {
    const config = loadConfig(baseEnv, {
      NODE_ENV: "production",
      SUBGRAPH_ACCEPT_UNSIGNED: "true",
      INTERNAL_AUTH_SECRET: "x".repeat(32),
    });
    expect(() => internalIdentity(config)).toThrow(ConfigError);
    expect(() => internalIdentity(config)).toThrow(/SUBGRAPH_ACCEPT_UNSIGNED/);
  });
});
