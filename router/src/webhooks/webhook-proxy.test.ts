import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { connect } from "node:net";
import { createHttpServer, listen } from "@venta/kit";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_WEBHOOK_BYTES, webhookRoutes } from "./webhook-proxy.js";

/** Posts with the request line written as raw bytes: fetch and node:http would normalise the path. */
function rawPost(port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () =>
      socket.write(
        `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          "Content-Length: 2\r\nConnection: close\r\n\r\n{}",
      ),
    );
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => resolve(Buffer.concat(chunks).toString("latin1")));
    socket.on("error", reject);
  });
}

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

describe("the router's /webhooks/<provider> routes", () => {
  let upstream: Server;
  let router: Server;
  let routerPort: number;
  let base: string;
  const seen: Seen[] = [];
  let answer: { status: number; body: string } = { status: 200, body: '{"received":true}' };

  beforeEach(async () => {
    seen.length = 0;
    answer = { status: 200, body: '{"received":true}' };
    upstream = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        seen.push({
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks),
        });
        res.writeHead(answer.status, { "content-type": "application/json", "x-internal": "secret" });
        res.end(answer.body);
      });
    });
    const upstreamPort = await listen(upstream, 0, "127.0.0.1");
    router = createHttpServer(
      webhookRoutes({
        communicationUrl: `http://127.0.0.1:${upstreamPort}/graphql`,
        timeoutMs: 2_000,
        log: testLogger,
      }),
    );
    routerPort = await listen(router, 0, "127.0.0.1");
    base = `http://127.0.0.1:${routerPort}`;
  });
  afterEach(async () => {
    await new Promise((resolve) => router.close(resolve));
    await new Promise((resolve) => upstream.close(resolve));
  });

  it("forwards the exact body bytes, the method, the provider's path and signature headers, and relays the answer", async () => {
    // Bytes a JSON round trip would change: spacing, key order, an escaped character.
    const body = Buffer.from('{ "b":1,  "a":"caf\\u00e9" }\n', "utf8");
    answer = { status: 400, body: '{"error":"webhook verification failed"}' };
    const response = await fetch(`${base}/webhooks/stripe?x=1`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "stripe-signature": "t=1,v1=abc",
        "svix-id": "msg_1",
        authorization: "Bearer rc",
        "x-venta-identity": "forged",
        cookie: "session=1",
      },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "webhook verification failed" });
    expect(response.headers.get("x-internal")).toBeNull();
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.method).toBe("POST");
    // The path is the provider's own; nothing the caller added after it travels on.
    expect(request?.url).toBe("/webhooks/stripe");
    expect(request?.body.equals(body)).toBe(true);
    expect(request?.headers).toMatchObject({
      "stripe-signature": "t=1,v1=abc",
      "svix-id": "msg_1",
      authorization: "Bearer rc",
    });
    expect(request?.headers["x-venta-identity"]).toBeUndefined();
    expect(request?.headers.cookie).toBeUndefined();
  });

  it("refuses a body over the limit without calling the subgraph", async () => {
    const response = await fetch(`${base}/webhooks/clerk`, {
      method: "POST",
      body: Buffer.alloc(MAX_WEBHOOK_BYTES + 1),
    });
    expect(response.status).toBe(413);
    expect(seen).toHaveLength(0);
  });

  it("answers 502 when the communication subgraph is down", async () => {
    await new Promise((resolve) => upstream.close(resolve));
    upstream = createServer();
    const response = await fetch(`${base}/webhooks/revenuecat`, { method: "POST", body: "{}" });
    expect(response.status).toBe(502);
  });

  it("forwards each provider's exact path and nothing else", async () => {
    for (const provider of ["clerk", "stripe", "revenuecat"]) {
      expect(await rawPost(routerPort, `/webhooks/${provider}`)).toMatch(/^HTTP\/1\.1 200 /);
    }
    expect(seen.map((request) => request.url)).toEqual([
      "/webhooks/clerk",
      "/webhooks/stripe",
      "/webhooks/revenuecat",
    ]);
  });

  it("answers 404 to any other path under /webhooks, however it is encoded, without calling the subgraph", async () => {
    const attempts = [
      "/webhooks/%2e%2e/graphql",
      "/webhooks/%2E%2E/health",
      "/webhooks/.%2e/graphql",
      "/webhooks/%2e./graphql",
      "/webhooks/../graphql",
      "/webhooks/./stripe",
      "/webhooks/%252e%252e/graphql",
      "/webhooks/stripe/../../graphql",
      "/webhooks/stripe/%2e%2e/%2e%2e/graphql",
      "/webhooks/stripe%2f..%2f..%2fgraphql",
      "/webhooks/stripe%2F..%2F..%2Fgraphql",
      "/webhooks/..%5cgraphql",
      "/webhooks\\..\\graphql",
      "/webhooks//stripe",
      "//webhooks/stripe",
      "/webhooks/stripe/",
      "/webhooks/stripe/x",
      "/webhooks/stripe.json",
      "/webhooks/stripe;x",
      "/webhooks/stripe%00",
      "/webhooks/%73tripe",
      "/webhooks/STRIPE",
      "/webhooks/unknown",
      "/webhooks/",
      "/webhooks",
      "http://127.0.0.1/webhooks/%2e%2e/graphql",
    ];
    for (const target of attempts) {
      expect(await rawPost(routerPort, target), target).toMatch(/^HTTP\/1\.1 (404|400) /);
    }
    expect(seen).toEqual([]);
  });
});
