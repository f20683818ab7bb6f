import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { createHttpServer, listen } from "@venta/kit";
import { testLogger } from "@venta/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_WEBHOOK_BYTES, WEBHOOKS_ROUTE, webhookProxy } from "./webhook-proxy.js";

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

describe("the router's /webhooks/* route", () => {
  let upstream: Server;
  let router: Server;
  let base: string;
  const seen: Seen[] = [];
  let answer: { status: number; body: string } = { status: 200, body: '{"received":true}' };

  beforeEach(async () => {
    seen.length = 0;
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
    router = createHttpServer({
      [WEBHOOKS_ROUTE]: webhookProxy({
        communicationUrl: `http://127.0.0.1:${upstreamPort}/graphql`,
        timeoutMs: 2_000,
        log: testLogger,
      }),
    });
    base = `http://127.0.0.1:${await listen(router, 0, "127.0.0.1")}`;
  });
  afterEach(async () => {
    await new Promise((resolve) => router.close(resolve));
    await new Promise((resolve) => upstream.close(resolve));
  });

  it("forwards the exact body bytes, the method, path and signature headers, and relays the answer", async () => {
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
    expect(request?.url).toBe("/webhooks/stripe?x=1");
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
});
