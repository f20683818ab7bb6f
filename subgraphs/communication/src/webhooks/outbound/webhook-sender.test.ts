import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sendWebhook } from "./webhook-sender.js";
import type { EndpointPolicy, ResolveHost } from "./webhook-url.js";

interface Endpoint {
  port: number;
  received: { url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** A real HTTP endpoint on 127.0.0.1; `answer` decides the status and headers. */
async function endpoint(answer: () => [number, Record<string, string>] = () => [204, {}]): Promise<Endpoint> {
  const received: Endpoint["received"] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received.push({ url: req.url ?? "", headers: req.headers });
      const [status, headers] = answer();
      res.writeHead(status, headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A resolver answering each call with the next list of `answers` (the last one repeats), counting calls. */
function resolverSaying(...answers: string[][]): { resolve: ResolveHost; calls: () => number } {
  let calls = 0;
  return {
    resolve: async () => {
      calls += 1;
      return answers[Math.min(calls, answers.length) - 1] ?? [];
    },
    calls: () => calls,
  };
}

const policy = (resolve: ResolveHost, allowPrivateTargets = false): EndpointPolicy => ({
  requireHttps: false,
  allowPrivateTargets,
  resolve,
});
const send = (url: string, endpoints: EndpointPolicy) =>
  sendWebhook(url, { "venta-event-id": "evt_1" }, '{"id":"evt_1"}', { timeoutMs: 2_000, endpoints });

describe("sending a delivery over HTTP", () => {
  let partner: Endpoint;
  beforeEach(async () => {
    partner = await endpoint();
  });
  afterEach(async () => {
    await partner.close();
  });

  it("connects to exactly the address it checked, once resolved, with the URL's name as Host", async () => {
    // A second lookup would get an address nobody listens on: the delivery arrives only if none happens.
    const dns = resolverSaying(["127.0.0.1"], ["192.0.2.1"]);
    const result = await send(`http://partner.test:${partner.port}/hooks`, policy(dns.resolve, true));
    expect(result).toMatchObject({ status: 204, error: null });
    expect(dns.calls()).toBe(1);
    expect(partner.received).toEqual([
      expect.objectContaining({
        url: "/hooks",
        headers: expect.objectContaining({ host: `partner.test:${partner.port}` }),
      }),
    ]);
  });

  it("refuses a name that now resolves to loopback (DNS rebinding) and records no address", async () => {
    const dns = resolverSaying(["127.0.0.1"]);
    const result = await send(`http://partner.test:${partner.port}/hooks`, policy(dns.resolve));
    expect(result).toEqual({
      status: null,
      durationMs: expect.any(Number),
      error: "refused: url must point at a public internet address",
    });
    expect(partner.received).toEqual([]);
  });

  it("refuses a name with one loopback address among public ones", async () => {
    const dns = resolverSaying(["93.184.215.14", "127.0.0.1"]);
    expect((await send(`http://partner.test:${partner.port}/hooks`, policy(dns.resolve))).error).toMatch(
      /^refused:/,
    );
    expect(partner.received).toEqual([]);
  });

  it.each(["127.0.0.1", "2130706433", "0177.0.0.1", "0x7f.1", "127.1", "[::ffff:127.0.0.1]", "localhost"])(
    "refuses a stored URL whose host is %s, though the endpoint listens there",
    async (host) => {
      const dns = resolverSaying(["127.0.0.1"]);
      const result = await send(`http://${host}:${partner.port}/hooks`, policy(dns.resolve));
      expect(result.error).toBe("refused: url must point at a public internet address");
      expect(partner.received).toEqual([]);
    },
  );

  it("does not follow a redirect: a 3xx is a failed attempt and its target is never called", async () => {
    const inside = await endpoint();
    const bouncer = await endpoint(() => [302, { location: `http://127.0.0.1:${inside.port}/admin` }]);
    try {
      const dns = resolverSaying(["127.0.0.1"]);
      const result = await send(`http://partner.test:${bouncer.port}/hooks`, policy(dns.resolve, true));
      expect(result).toMatchObject({ status: 302, error: "the endpoint answered 302" });
      expect(bouncer.received).toHaveLength(1);
      expect(inside.received).toEqual([]);
    } finally {
      await Promise.all([inside.close(), bouncer.close()]);
    }
  });

  it("delivers to a loopback endpoint when private targets are explicitly allowed", async () => {
    const dns = resolverSaying([]);
    const result = await send(`http://127.0.0.1:${partner.port}/hooks`, policy(dns.resolve, true));
    expect(result).toMatchObject({ status: 204, error: null });
    expect(dns.calls()).toBe(0);
  });

  it("counts a host name that does not resolve as a failed attempt", async () => {
    const dns = resolverSaying([]);
    expect((await send(`http://partner.test:${partner.port}/hooks`, policy(dns.resolve))).error).toBe(
      "refused: url must point at a public internet address",
    );
  });
});
