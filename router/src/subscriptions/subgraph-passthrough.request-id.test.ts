import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { internalIdentity } from "@venta/kit";
import { testLogger } from "@venta/testing";
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { loadRouterConfig } from "../config.js";
import { SubgraphPassthrough } from "./subgraph-passthrough.js";

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: "Query", fields: { ok: { type: GraphQLString } } }),
  subscription: new GraphQLObjectType({
    name: "Subscription",
    fields: {
      tick: {
        type: GraphQLString,
        subscribe: async function* () {
          yield { tick: "1" };
        },
      },
    },
  }),
});

describe("a forwarded subscription's request id", () => {
  const connectionParams: Record<string, unknown>[] = [];
  const server = createServer();
  let url: string;

  beforeAll(async () => {
    const wsServer = new WebSocketServer({ server, path: "/graphql" });
    useServer(
      {
        schema,
        onConnect: (ctx) => {
          connectionParams.push({ ...ctx.connectionParams });
          return true;
        },
      },
      wsServer,
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("goes to the subgraph in connection_init, beside the signed identity", async () => {
    const config = loadRouterConfig({ NODE_ENV: "test", INTERNAL_AUTH_SECRET: "s".repeat(40) });
    const forwarder = new SubgraphPassthrough(internalIdentity(config), testLogger);
    const socket = {};
    const stream = forwarder.forward(
      socket,
      { userId: "casey", roles: ["CUSTOMER"], partner: null },
      { name: "communication", url },
      { query: "subscription { tick }", variables: {} },
      "socket-req-9",
    );
    expect((await stream.next()).value).toEqual({ data: { tick: "1" } });
    await forwarder.release(socket);
    expect(connectionParams).toEqual([
      expect.objectContaining({ "x-request-id": "socket-req-9", "x-venta-identity": expect.any(String) }),
    ]);
  });
});
