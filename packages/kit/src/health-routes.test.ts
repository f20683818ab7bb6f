import { InternalIdentity } from "@venta/auth";
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { readinessRoute, ServiceLifecycle } from "./health-routes.js";
import { createHttpServer, listen } from "./http-server.js";
import type { RequestContext } from "./request-context.js";
import { type RunningServer, startSubgraphServer } from "./subgraph-server.js";
import { testLog } from "./test-log.harness.js";

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: { ok: { type: GraphQLString, resolve: () => "ok" } },
  }),
});

const identity = new InternalIdentity(new TextEncoder().encode("a-secret-for-probe-tests-0123456789"));

describe("a subgraph's probes", () => {
  const running: RunningServer[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.stop()));
  });

  const start = async (bus: () => void) => {
    const server = await startSubgraphServer<RequestContext>({
      name: "probed",
      host: "127.0.0.1",
      port: 0,
      log: testLog,
      schema,
      identity: identity,
      createContext: (base) => base,
      healthChecks: { store: () => {}, eventBus: bus },
    });
    running.push(server);
    return new URL(server.url).origin;
  };

  it("is live while serving, and ready only while its stores and bus answer", async () => {
    let busUp = true;
    const base = await start(() => {
      if (!busUp) throw new Error("connection refused");
    });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ok",
      checks: { store: { status: "ok" }, eventBus: { status: "ok" } },
    });
    busUp = false;
    const notReady = await fetch(`${base}/health/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({
      checks: { eventBus: { status: "down", detail: "connection refused" } },
    });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it("refuses a module route on a probe path", async () => {
    await expect(
      startSubgraphServer<RequestContext>({
        name: "clash",
        host: "127.0.0.1",
        port: 0,
        log: testLog,
        schema,
        identity: identity,
        createContext: (base) => base,
        healthChecks: {},
        routes: { "/health/ready": () => {} },
      }),
    ).rejects.toThrow("route /health/ready is served by every subgraph");
  });
});

describe("readinessRoute", () => {
  it("answers 503 while starting and from the moment shutdown begins, whatever the checks say", async () => {
    const lifecycle = new ServiceLifecycle();
    const server = createHttpServer({
      "/health/ready": readinessRoute("svc", lifecycle, { store: () => {} }),
    });
    const port = await listen(server, 0, "127.0.0.1");
    const probe = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      return [response.status, ((await response.json()) as { status: string }).status];
    };
    try {
      expect(await probe()).toEqual([503, "starting"]);
      lifecycle.serving();
      expect(await probe()).toEqual([200, "ok"]);
      lifecycle.stopping();
      expect(await probe()).toEqual([503, "stopping"]);
      lifecycle.serving();
      expect(await probe()).toEqual([503, "stopping"]);
    } finally {
      server.close();
    }
  });
});
