import { createServer, type IncomingMessage, request, type Server } from "node:http";
import { listen } from "@venta/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "./credentials.js";
import { addressBucket, canonicalAddress } from "./ip-address.js";

describe("canonicalAddress", () => {
  it("spells each address one way, whatever form a proxy or socket wrote it in", () => {
    expect(canonicalAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(canonicalAddress(" 203.0.113.7:51234 ")).toBe("203.0.113.7");
    expect(canonicalAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(canonicalAddress("::FFFF:cb00:7107")).toBe("203.0.113.7");
    expect(canonicalAddress("[::ffff:203.0.113.7]:443")).toBe("203.0.113.7");
    expect(canonicalAddress("2001:DB8::0001")).toBe("2001:db8:0:0:0:0:0:1");
    expect(canonicalAddress("[2001:db8::1]")).toBe("2001:db8:0:0:0:0:0:1");
    expect(canonicalAddress("[2001:db8::1]:8443")).toBe("2001:db8:0:0:0:0:0:1");
  });

  it("refuses anything that is not an IP address", () => {
    for (const text of [
      "",
      "unknown",
      "evil.example",
      "1.2.3",
      "1.2.3.4.5",
      "300.1.1.1",
      "fe80::1%eth0",
      "1.2.3.4:x",
      "::g",
      "[1.2.3.4]x",
    ]) {
      expect(canonicalAddress(text), text).toBeNull();
    }
  });
});

describe("addressBucket", () => {
  it("keeps an IPv4 address and groups IPv6 addresses by their /64", () => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    const a = canonicalAddress("2001:db8:1:2:aaaa::1") ?? "";
    const b = canonicalAddress("2001:db8:1:2:ffff:ffff:ffff:fffe") ?? "";
    const other = canonicalAddress("2001:db8:1:3::1") ?? "";
    expect(addressBucket(a)).toBe("2001:db8:1:2::/64");
    expect(addressBucket(b)).toBe(addressBucket(a));
    expect(addressBucket(other)).not.toBe(addressBucket(a));
  });
});

describe("clientAddress over a real connection", () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    // Answers the bucket for each number of trusted hops, 0 to 3.
    server = createServer((req: IncomingMessage, res) => {
      res.end(JSON.stringify([0, 1, 2, 3].map((hops) => clientAddress(req, hops))));
    });
    port = await listen(server, 0, "127.0.0.1");
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const buckets = (forwardedFor?: string | string[]) =>
    new Promise<string[]>((resolve, reject) => {
      const outgoing = request(
        {
          host: "127.0.0.1",
          port,
          path: "/",
          headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
        },
        (incoming) => {
          let text = "";
          incoming.on("data", (chunk: Buffer) => {
            text += chunk.toString();
          });
          incoming.on("end", () => resolve(JSON.parse(text) as string[]));
        },
      );
      outgoing.on("error", reject);
      outgoing.end();
    });

  it("takes the entry the trusted proxies wrote, never the left-most one the client wrote", async () => {
    // The client claims 198.51.100.1; the CDN saw 203.0.113.7; the load balancer saw the CDN, 192.0.2.9.
    expect(await buckets("198.51.100.1, 203.0.113.7, 192.0.2.9")).toEqual([
      "127.0.0.1",
      "192.0.2.9",
      "203.0.113.7",
      "198.51.100.1",
    ]);
  });

  it("reads every X-Forwarded-For header, in order, as one list", async () => {
    expect(await buckets(["198.51.100.1, 203.0.113.7", "192.0.2.9"])).toEqual([
      "127.0.0.1",
      "192.0.2.9",
      "203.0.113.7",
      "198.51.100.1",
    ]);
  });

  it("falls back to the socket's address when the chosen entry is not an IP address", async () => {
    expect((await buckets("203.0.113.7, not-an-address"))[1]).toBe("127.0.0.1");
    expect((await buckets("203.0.113.7, "))[1]).toBe("127.0.0.1");
    expect((await buckets("203.0.113.7, 1.2.3.4%00"))[1]).toBe("127.0.0.1");
  });

  it("uses the socket's address without the header, and the left-most entry when there are fewer than the hops", async () => {
    expect(await buckets()).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.1"]);
    expect(await buckets("203.0.113.7")).toEqual(["127.0.0.1", "203.0.113.7", "203.0.113.7", "203.0.113.7"]);
  });

  it("gives every address of one IPv6 /64 the same bucket, and an IPv4-mapped address its IPv4 one", async () => {
    const [, first] = await buckets("2001:db8:1:2::1");
    const [, second] = await buckets("[2001:db8:1:2:dead:beef:0:1]:443");
    expect(first).toBe("2001:db8:1:2::/64");
    expect(second).toBe(first);
    expect((await buckets("::ffff:203.0.113.7"))[1]).toBe("203.0.113.7");
  });
});
