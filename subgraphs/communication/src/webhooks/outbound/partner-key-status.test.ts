import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { IDENTITY_HEADER, InternalIdentity } from "@venta/auth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { marketplacePartnerKeyStatus } from "./partner-key-status.js";

const identity = new InternalIdentity(new TextEncoder().encode("a-test-secret-that-only-this-test-holds"));

describe("asking marketplace whether a partner key is live", () => {
  let server: Server;
  let graphqlUrl: string;
  let answer: (keyId: string) => [number, string];
  const seen: { path: string; identityValid: boolean; body: string }[] = [];

  beforeEach(async () => {
    seen.length = 0;
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", async () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const header = String(req.headers[IDENTITY_HEADER] ?? "");
        const identityValid = await identity.verify(header).then(
          () => true,
          () => false,
        );
        seen.push({ path: req.url ?? "", identityValid, body });
        const [status, text] = answer((JSON.parse(body) as { keyId: string }).keyId);
        res.writeHead(status, { "content-type": "application/json" }).end(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    graphqlUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("asks the internal status route beside marketplace's GraphQL URL, with a signed identity", async () => {
    answer = (keyId) => [200, JSON.stringify({ live: keyId === "key-live" })];
    const status = marketplacePartnerKeyStatus(graphqlUrl, identity);
    expect(await status("key-live")).toBe(true);
    expect(await status("key-revoked")).toBe(false);
    expect(seen).toEqual([
      { path: "/internal/partner-keys/status", identityValid: true, body: '{"keyId":"key-live"}' },
      { path: "/internal/partner-keys/status", identityValid: true, body: '{"keyId":"key-revoked"}' },
    ]);
  });

  it("rejects, so nothing is sent, when marketplace fails, answers oddly or is not there", async () => {
    const status = marketplacePartnerKeyStatus(graphqlUrl, identity);
    answer = () => [500, "{}"];
    await expect(status("key-1")).rejects.toThrow(/500/);
    answer = () => [401, '{"error":"no"}'];
    await expect(status("key-1")).rejects.toThrow(/401/);
    answer = () => [200, '{"live":"yes"}'];
    await expect(status("key-1")).rejects.toThrow(/live/);
    answer = () => [200, "not json"];
    await expect(status("key-1")).rejects.toThrow();
    // Nothing listens on port 1.
    await expect(
      marketplacePartnerKeyStatus("http://127.0.0.1:1/graphql", identity)("key-1"),
    ).rejects.toThrow();
  });
});
