import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { connect as connectTcp, type Socket as TcpSocket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { internalIdentity } from "@venta/kit";
import { SqliteLiveFeed } from "@venta/live";
import { postGraphQL, testLogger } from "@venta/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { loadRouterConfig } from "../config.js";
import { testRouterOptions } from "../router-options.harness.js";
import { type RunningRouter, startRouter } from "../router-server.js";
import { routerSecurity } from "../security/router-security.js";
import type { SocketLimits } from "./socket-quota.js";

interface Message {
  id?: string;
  type: string;
  payload?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** A graphql-ws socket as a hand-written client drives it: every message it got, and how it closed. */
interface OpenSocket {
  messages: Message[];
  closed: Promise<number>;
  send(message: unknown): void;
  /** The next message for subscription `id`. */
  answer(id: string): Promise<Message>;
  close(): Promise<void>;
}

const UNUSED = "http://127.0.0.1:9/graphql";
const NEAR = `subscription Near { vendorLocationUpdated(near: { lat: 30.27, lng: -97.74 }) { kind } }`;
const FOLLOW = `subscription Follow($ids: [ID!]) { vendorLocationUpdated(vendorIds: $ids) { kind } }`;

const wsUrl = (router: RunningRouter) => router.url.replace(/^http/, "ws");

/** Opens a socket and sends `connection_init`; resolves once acknowledged, or once closed. */
async function openSocket(router: RunningRouter, params: Record<string, unknown> = {}): Promise<OpenSocket> {
  const ws = new WebSocket(wsUrl(router), "graphql-transport-ws");
  const messages: Message[] = [];
  const waiting: (() => void)[] = [];
  ws.on("message", (data) => {
    messages.push(JSON.parse(String(data)) as Message);
    for (const wake of waiting.splice(0)) wake();
  });
  ws.on("error", () => {});
  const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("unexpected-response", (_request, response) =>
      reject(new Error(`upgrade answered ${response.statusCode}`)),
    );
  });
  ws.send(JSON.stringify({ type: "connection_init", payload: params }));
  await Promise.race([
    closed,
    new Promise<void>((resolve) => {
      const acked = () =>
        messages.some((m) => m.type === "connection_ack") ? resolve() : waiting.push(acked);
      acked();
    }),
  ]);
  return {
    messages,
    closed,
    send: (message) => ws.send(typeof message === "string" ? message : JSON.stringify(message)),
    answer: (id) =>
      new Promise<Message>((resolve, reject) => {
        const found = () => {
          const message = messages.find((m) => m.id === id);
          if (message) resolve(message);
          else if (ws.readyState === WebSocket.CLOSED) reject(new Error(`closed before answering ${id}`));
          else waiting.push(found);
        };
        closed.then(found);
        found();
      }),
    close: async () => {
      ws.close();
      await closed;
    },
  };
}

/** The HTTP status an upgrade is answered with when it is refused before the handshake. */
function refusedUpgrade(router: RunningRouter): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(router), "graphql-transport-ws");
    ws.on("error", () => {});
    ws.once("open", () => {
      ws.close();
      reject(new Error("the socket was let in"));
    });
    ws.once("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.destroy();
    });
  });
}

const subscribe = (id: string, query: string, variables: Record<string, unknown> = {}) => ({
  id,
  type: "subscribe",
  payload: { query, variables },
});

describe("the router's subscription sockets", () => {
  let dataDir: string;
  const stops: (() => Promise<void>)[] = [];

  /** A router in this process over subgraphs that are never reached: admission needs none of them. */
  const start = async (env: Record<string, string>, sockets: Partial<SocketLimits> = {}) => {
    const config = loadRouterConfig({
      NODE_ENV: "test",
      DATA_DIR: dataDir,
      INTERNAL_AUTH_SECRET: "s".repeat(40),
      ...env,
    });
    const security = await routerSecurity(config, internalIdentity(config), UNUSED, testLogger);
    const liveFeed = new SqliteLiveFeed(join(dataDir, `live-${randomBytes(4).toString("hex")}.db`));
    const router = await startRouter(
      testRouterOptions(
        {
          subgraphUrls: { marketplace: UNUSED, location: UNUSED, communication: UNUSED },
          liveFeed,
          security,
        },
        { sockets },
      ),
    );
    stops.push(async () => {
      await router.stop();
      await liveFeed.close();
    });
    return router;
  };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "venta-ws-"));
  });

  afterAll(async () => {
    for (const stop of stops) await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe("message size", () => {
    let router: RunningRouter;
    beforeAll(async () => {
      router = await start({});
    });

    it("closes a socket with 1009 when a subscribe frame is larger than the limit, without answering it", async () => {
      const socket = await openSocket(router);
      const ids = Array.from({ length: 20_000 }, (_, i) => `vendor-${i}`);
      socket.send(subscribe("1", FOLLOW, { ids }));
      expect(await socket.closed).toBe(1009);
      expect(socket.messages.map((m) => m.type)).toEqual(["connection_ack"]);
    });

    it("refuses a frame from its announced length, before the frame's body has arrived", async () => {
      // A raw client: the header announces 20 MB, and only 4 bytes of it are ever sent.
      const tcp = await rawHandshake(router);
      const header = Buffer.alloc(14);
      header[0] = 0x81; // final text frame
      header[1] = 0x80 | 127; // masked, 64-bit length follows
      header.writeBigUInt64BE(20_000_000n, 2);
      randomBytes(4).copy(header, 10);
      tcp.write(Buffer.concat([header, Buffer.from('{"id')]));
      const closing = await nextBytes(tcp);
      expect(closing[0]).toBe(0x88); // a close frame
      expect(closing.readUInt16BE(2)).toBe(1009);
      tcp.destroy();
    });

    it("still answers HTTP while a 20 MB subscribe is being refused", async () => {
      const socket = await openSocket(router);
      const ids = Array.from({ length: 1_700_000 }, (_, i) => `v${i}`);
      socket.send(subscribe("1", FOLLOW, { ids }));
      const [answer, code] = await Promise.all([
        postGraphQL(router.url, "{ __typename }", {}),
        socket.closed,
      ]);
      expect(answer.data).toEqual({ __typename: "Query" });
      expect(code).toBe(1009);
    });
  });

  describe("lists and text", () => {
    let router: RunningRouter;
    beforeAll(async () => {
      router = await start({ MAX_LIST_ITEMS: "500", MAX_QUERY_CHARS: "2000" });
    });

    it("refuses a list longer than the variables' limit with BAD_USER_INPUT", async () => {
      const socket = await openSocket(router);
      socket.send(subscribe("1", FOLLOW, { ids: Array.from({ length: 501 }, (_, i) => `v${i}`) }));
      const answer = await socket.answer("1");
      expect(answer.type).toBe("error");
      expect(answer.payload?.[0]).toMatchObject({
        message: "a list in the variables holds at most 500 items",
        extensions: { code: "BAD_USER_INPUT" },
      });
      await socket.close();
    });

    it("refuses more vendorIds than a subscription follows with BAD_USER_INPUT", async () => {
      const socket = await openSocket(router);
      socket.send(subscribe("1", FOLLOW, { ids: Array.from({ length: 101 }, (_, i) => `v${i}`) }));
      expect((await socket.answer("1")).payload?.[0]).toMatchObject({
        message: "vendorIds must list 1 to 100 vendors",
        extensions: { code: "BAD_USER_INPUT", field: "vendorIds" },
      });
      await socket.close();
    });

    it("refuses variables nested deeper than any input type with BAD_USER_INPUT", async () => {
      const socket = await openSocket(router);
      let nested: unknown = "v1";
      for (let level = 0; level < 40; level += 1) nested = [nested];
      socket.send(subscribe("1", FOLLOW, { ids: nested }));
      expect((await socket.answer("1")).payload?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT" });
      await socket.close();
    });

    it("refuses a query text over the length limit with QUERY_TOO_COMPLEX, on both transports", async () => {
      const long = `${NEAR} ${"#".repeat(2_000)}`;
      const socket = await openSocket(router);
      socket.send(subscribe("1", long));
      expect((await socket.answer("1")).payload?.[0]?.extensions).toEqual({
        code: "QUERY_TOO_COMPLEX",
        limit: "LENGTH",
      });
      await socket.close();
      const http = await postGraphQL(router.url, `{ __typename } ${"#".repeat(2_000)}`, {});
      expect(http.status).toBe(400);
      expect(http.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "LENGTH" });
    });

    it("refuses a list longer than the limit over HTTP too, with 400 and BAD_USER_INPUT", async () => {
      const http = await postGraphQL(router.url, `query ($ids: [ID!]!) { vendorsByIds(ids: $ids) { id } }`, {
        ids: Array.from({ length: 501 }, (_, i) => `v${i}`),
      });
      expect(http.status).toBe(400);
      expect(http.errors?.[0]).toMatchObject({
        message: "a list in the variables holds at most 500 items",
        extensions: { code: "BAD_USER_INPUT" },
      });
    });
  });

  describe("sockets per address and in all", () => {
    it("refuses a socket over the per-address limit with 429 before the handshake, and lets one in once another closes", async () => {
      const router = await start({}, { maxPerAddress: 2 });
      const first = await openSocket(router);
      const second = await openSocket(router);
      expect(await refusedUpgrade(router)).toBe(429);
      await first.close();
      let third: OpenSocket | undefined;
      // The place comes back when the TCP connection closes, a moment after the WebSocket close.
      await expect
        .poll(async () => {
          third = await openSocket(router).catch(() => undefined);
          return third !== undefined;
        })
        .toBe(true);
      await Promise.all([second.close(), third?.close()]);
    });

    it("refuses a socket over the server's limit with 503 before the handshake", async () => {
      const router = await start({}, { maxPerAddress: 10, maxTotal: 2 });
      const sockets = [await openSocket(router), await openSocket(router)];
      expect(await refusedUpgrade(router)).toBe(503);
      await Promise.all(sockets.map((socket) => socket.close()));
    });

    it("gives a place back when a handshake fails", async () => {
      const router = await start({}, { maxPerAddress: 2 });
      const { hostname, port } = new URL(router.url);
      for (let i = 0; i < 5; i += 1) {
        // No Sec-WebSocket-Key: let in by the limits, then refused by the handshake itself.
        const tcp = connectTcp(Number(port), hostname);
        tcp.write(
          `GET /graphql HTTP/1.1\r\nHost: ${hostname}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            "Sec-WebSocket-Version: 13\r\n\r\n",
        );
        expect((await nextBytes(tcp)).toString("latin1")).toMatch(/^HTTP\/1\.1 400/);
        await new Promise((resolve) => tcp.once("close", resolve));
      }
      const sockets = [await openSocket(router), await openSocket(router)];
      await Promise.all(sockets.map((socket) => socket.close()));
    });

    it("stays up when clients reset the upgrades it refuses", async () => {
      const router = await start({}, { maxPerAddress: 1 });
      const holder = await openSocket(router);
      const { hostname, port } = new URL(router.url);
      for (let i = 0; i < 200; i += 1) {
        const tcp = connectTcp(Number(port), hostname);
        tcp.on("error", () => {});
        tcp.write(
          `GET ${i % 2 ? "/graphql" : "/map"} HTTP/1.1\r\nHost: ${hostname}\r\n` +
            "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n" +
            `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\n\r\n${"x".repeat(100_000)}`,
        );
        tcp.resetAndDestroy();
      }
      expect(await refusedUpgrade(router)).toBe(429);
      expect((await postGraphQL(router.url, "{ __typename }", {})).data).toEqual({ __typename: "Query" });
      await holder.close();
    });

    it("answers 404 to an upgrade on any other path", async () => {
      const router = await start({});
      const status = await new Promise<number>((resolve) => {
        const ws = new WebSocket(wsUrl(router).replace(/\/graphql$/, "/map"), "graphql-transport-ws");
        ws.on("error", () => {});
        ws.once("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
      });
      expect(status).toBe(404);
    });

    it("names the request id on the upgrade's answer, accepted or refused", async () => {
      const router = await start({});
      const idOf = (url: string, requestId: string) =>
        new Promise<string | undefined>((resolve) => {
          const ws = new WebSocket(url, "graphql-transport-ws", { headers: { "x-request-id": requestId } });
          ws.on("error", () => {});
          const read = (response: { headers: Record<string, string | string[] | undefined> }) => {
            const header = response.headers["x-request-id"];
            resolve(typeof header === "string" ? header : undefined);
            ws.terminate();
          };
          ws.once("upgrade", read);
          ws.once("unexpected-response", (_request, response) => read(response));
        });
      expect(await idOf(wsUrl(router), "socket-7")).toBe("socket-7");
      expect(await idOf(wsUrl(router).replace(/\/graphql$/, "/map"), "refused-8")).toBe("refused-8");
      expect(await idOf(wsUrl(router), "not a sane id")).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe("the caller's budget", () => {
    it("charges invalid subscriptions to the caller's budget, before parsing them", async () => {
      const router = await start({ RATE_LIMIT_ANONYMOUS: "3" });
      const socket = await openSocket(router);
      for (const id of ["1", "2", "3"]) {
        socket.send(subscribe(id, "subscription { nope"));
        expect((await socket.answer(id)).type).toBe("error");
      }
      socket.send(subscribe("4", NEAR));
      expect((await socket.answer("4")).payload?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED" });
      await socket.close();
    });

    it("charges bad connection_init credentials to the address's budget, as HTTP does", async () => {
      const router = await start({ RATE_LIMIT_ANONYMOUS: "3" });
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const socket = await openSocket(router, { authorization: "Bearer not-a-token" });
        expect(await socket.closed).toBe(4403);
      }
      const http = await postGraphQL(router.url, "{ __typename }", {});
      expect(http.status).toBe(429);
    });

    it("closes a socket whose subscriptions keep being refused", async () => {
      const router = await start({});
      const socket = await openSocket(router);
      for (let i = 1; i <= 10; i += 1) socket.send(subscribe(String(i), "subscription { nope"));
      expect(await socket.closed).toBe(4400);
    });

    it("keeps a socket whose refusals are broken by a subscription that starts", async () => {
      const router = await start({});
      const socket = await openSocket(router);
      for (let i = 1; i <= 9; i += 1) socket.send(subscribe(String(i), "subscription { nope"));
      await socket.answer("9");
      socket.send(subscribe("10", NEAR));
      for (let i = 11; i <= 19; i += 1) socket.send(subscribe(String(i), "subscription { nope"));
      await socket.answer("19");
      expect(socket.messages.filter((m) => m.id === "10")).toEqual([]);
      await socket.close();
    });
  });

  describe("trusted documents only", () => {
    let router: RunningRouter;
    beforeAll(async () => {
      router = await start({ TRUSTED_DOCUMENTS: "require", INTROSPECTION: "false" });
    });

    // A name that exists and one that does not must get the same answer, or errors map the schema.
    const probes = ["{ partnerKeys { __typename } }", "{ partnerKeyz { __typename } }", "{ me }"];

    it("refuses an untrusted document over HTTP before validating it, so errors name nothing", async () => {
      for (const query of probes) {
        const http = await postGraphQL(router.url, query, {});
        expect(http.status, query).toBe(403);
        expect(
          http.errors?.map((e) => e.extensions?.code),
          query,
        ).toEqual(["FORBIDDEN"]);
      }
      const get = await fetch(`${router.url}?query=${encodeURIComponent(probes[1] ?? "")}`, {
        headers: { "apollo-require-preflight": "true" },
      });
      expect(get.status).toBe(403);
    });

    it("refuses an untrusted subscription before validating it, so errors name nothing", async () => {
      const socket = await openSocket(router);
      const typos = [
        'subscription { vendorLocationUpdated(vendorIds: ["a"]) { kindd } }',
        'subscription { vendorLocationUpdated(vendorIds: ["a"]) { vendor { owner { email } } } }',
      ];
      for (const [i, query] of typos.entries()) {
        socket.send(subscribe(String(i), query));
        const answer = await socket.answer(String(i));
        expect(
          answer.payload?.map((e) => e.extensions?.code),
          query,
        ).toEqual(["FORBIDDEN"]);
      }
      await socket.close();
    });
  });

  describe("schema hints", () => {
    let closed: RunningRouter;
    let open: RunningRouter;
    beforeAll(async () => {
      closed = await start({ INTROSPECTION: "false" });
      open = await start({ INTROSPECTION: "true" });
    });

    const typo = `subscription { vendorLocationUpdated(near: { lat: 30.27, lng: -97.74 }) { kindd } }`;

    it("keeps 'did you mean' out of subscription errors for callers who may not introspect", async () => {
      const socket = await openSocket(closed);
      socket.send(subscribe("1", typo));
      const answer = await socket.answer("1");
      expect(answer.payload?.[0]?.message).toBe('Cannot query field "kindd" on type "VendorLocationEvent".');
      await socket.close();
    });

    it("keeps field, enum and variable hints out of HTTP errors for callers who may not introspect", async () => {
      const field = await postGraphQL(closed.url, "{ mee { id } }", {});
      expect(field.errors?.[0]?.message).toBe('Cannot query field "mee" on type "Query".');
      const literal = await postGraphQL(
        closed.url,
        "{ myConversations(side: VENDR) { edges { cursor } } }",
        {},
      );
      expect(literal.errors?.[0]?.message).toBe('Value "VENDR" does not exist in "ChatSide" enum.');
      const variable = await postGraphQL(
        closed.url,
        "query ($side: ChatSide) { myConversations(side: $side) { edges { cursor } } }",
        { side: "VENDR" },
      );
      expect(variable.errors?.[0]?.message).toMatch(/^Variable "\$side" got invalid value "VENDR"/);
      expect(JSON.stringify([field, literal, variable])).not.toContain("Did you mean");
    });

    it("still gives the hints where anyone may introspect", async () => {
      const http = await postGraphQL(open.url, "{ mee { id } }", {});
      expect(http.errors?.[0]?.message).toBe('Cannot query field "mee" on type "Query". Did you mean "me"?');
      const socket = await openSocket(open);
      socket.send(subscribe("1", typo));
      expect((await socket.answer("1")).payload?.[0]?.message).toContain('Did you mean "kind"?');
      await socket.close();
    });
    it("codes subscription syntax and schema errors as HTTP does", async () => {
      const socket = await openSocket(closed);
      socket.send(subscribe("1", typo));
      socket.send(subscribe("2", "subscription {"));
      expect((await socket.answer("1")).payload?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect((await socket.answer("2")).payload?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
      await socket.close();
    });

    it("refuses a number no Float can hold as the client's mistake, not a server error", async () => {
      for (const literal of ["1e999", "-1e999", "9".repeat(400)]) {
        const http = await postGraphQL(
          closed.url,
          `{ nearbyVendors(near: { lat: 30.2, lng: -97.7 }, radiusMeters: ${literal}) { totalCount } }`,
          {},
        );
        expect(http.status, literal).toBe(400);
        expect(http.errors?.[0]?.extensions?.code, literal).not.toBe("INTERNAL_SERVER_ERROR");
        expect(http.errors?.[0]?.message, literal).toContain("is too large for a number");
      }
    });

    it("answers a persisted query whose hash does not match its text as a bad request", async () => {
      const response = await fetch(closed.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: "{ __typename }",
          extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
        }),
      });
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(response.status).toBe(400);
      expect(body.errors[0]).toMatchObject({
        message: "provided sha does not match query",
        extensions: { code: "BAD_REQUEST" },
      });
    });
  });
});

/** A TCP connection that has completed a WebSocket handshake by hand, to write frames byte by byte. */
async function rawHandshake(router: RunningRouter): Promise<TcpSocket> {
  const { hostname, port } = new URL(router.url);
  const tcp = connectTcp(Number(port), hostname);
  await new Promise<void>((resolve) => tcp.once("connect", () => resolve()));
  tcp.write(
    "GET /graphql HTTP/1.1\r\n" +
      `Host: ${hostname}:${port}\r\n` +
      "Upgrade: websocket\r\nConnection: Upgrade\r\n" +
      `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\n` +
      "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n",
  );
  const response = (await nextBytes(tcp)).toString("latin1");
  if (!response.startsWith("HTTP/1.1 101")) throw new Error(`no handshake: ${response}`);
  return tcp;
}

const nextBytes = (tcp: TcpSocket) => new Promise<Buffer>((resolve) => tcp.once("data", resolve));
