import { describe, expect, it } from "vitest";
import { type EndpointPolicy, EndpointRefusedError, endpointTarget } from "./webhook-url.js";

/** A DNS that knows only these names (absolute, with a trailing dot, or not); any other does not resolve. */
const dns = (answers: Record<string, string[]>) => {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const found = answers[hostname.replace(/\.$/, "")];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return found;
  };
  return { asked, resolve };
};

const names = dns({
  "partner.example": ["93.184.215.14"],
  "v6.partner.example": ["2606:4700::1111"],
  "xn--bcher-kva.example": ["93.184.215.14"],
  "internal.partner.example": ["10.0.0.7"],
  "mixed.partner.example": ["93.184.215.14", "127.0.0.1"],
  "mapped.partner.example": ["::ffff:169.254.169.254"],
  "empty.partner.example": [],
  "garbage.partner.example": ["not-an-address"],
  localhost: ["127.0.0.1"],
});
const guarded: EndpointPolicy = { requireHttps: false, allowPrivateTargets: false, resolve: names.resolve };
const production: EndpointPolicy = { ...guarded, requireHttps: true };
const development: EndpointPolicy = { ...guarded, allowPrivateTargets: true };

const refusal = async (url: string, policy: EndpointPolicy = guarded) => {
  try {
    await endpointTarget(url, policy);
  } catch (error) {
    if (error instanceof EndpointRefusedError) return error.message;
    throw error;
  }
  return "allowed";
};

describe("checking a partner endpoint before calling it", () => {
  it.each([
    ["http://127.0.0.1/hooks", "loopback"],
    ["http://2130706433/hooks", "loopback as one decimal number"],
    ["http://0177.0.0.1/hooks", "loopback in octal"],
    ["http://0x7f.1/hooks", "loopback in hex, shortened"],
    ["http://0x7f000001/hooks", "loopback as one hex number"],
    ["http://127.1/hooks", "loopback, shortened"],
    ["http://127.000.000.001/hooks", "loopback with zero padding"],
    ["http://0x7f.0x0.0x0.0x1/hooks", "loopback in hex, part by part"],
    ["http://%31%32%37.0.0.1/hooks", "loopback percent-encoded"],
    ["http://0.0.0.0/hooks", "the unspecified address"],
    ["http://[::]/hooks", "the IPv6 unspecified address"],
    ["http://[0:0:0:0:0:ffff:7f00:1]/hooks", "loopback, mapped, written out"],
    ["http://１２７.０.０.１/hooks", "loopback in full-width digits"],
    ["http://0/hooks", "0.0.0.0 as a number"],
    ["http://[::1]/hooks", "IPv6 loopback"],
    ["http://[::ffff:127.0.0.1]/hooks", "loopback, IPv4-mapped"],
    ["http://[::ffff:a9fe:a9fe]/latest/meta-data", "the metadata service, mapped in hex"],
    ["http://[64:ff9b::7f00:1]/hooks", "loopback through NAT64"],
    ["http://[fe80::1]/hooks", "link-local"],
    ["http://[fd00::1]/hooks", "unique local"],
    ["http://169.254.169.254/latest/meta-data", "the metadata service"],
    ["http://localhost/hooks", "localhost"],
    ["http://LOCALHOST./hooks", "localhost with a trailing dot"],
    ["http://api.localhost/hooks", "a name under localhost"],
    ["http://ⓛocalhost/hooks", "localhost in enclosed letters (IDN mapping)"],
    ["http://internal.partner.example/hooks", "a name that resolves to a private address"],
    ["http://internal.partner.example./hooks", "the same with a trailing dot"],
    ["http://mixed.partner.example/hooks", "a name with one private address among public ones"],
    ["http://mapped.partner.example/hooks", "a name resolving to a mapped metadata address"],
    ["http://partner.example@127.0.0.1/hooks", "a public name as user info before a loopback host"],
  ])("refuses %s (%s)", async (url) => {
    const reason = await refusal(url);
    expect(reason).not.toBe("allowed");
    // The reason names the rule, never the address found: refusals do not map the network.
    expect(reason).not.toMatch(/10\.0\.0\.7|127\.0\.0\.1|169\.254|::1/);
  });

  it.each([
    ["ftp://partner.example/hooks", "url must use http or https"],
    ["file:///etc/passwd", "url must use http or https"],
    ["gopher://partner.example:70/", "url must use http or https"],
    ["javascript:alert(1)", "url must use http or https"],
    ["data:text/plain,hi", "url must use http or https"],
    ["https://user:pass@partner.example/hooks", "url must not carry a user name or password"],
    ["https://partner.example@evil.example/hooks", "url must not carry a user name or password"],
    ["http://127.0.0.1%2f@partner.example/hooks", "url must not carry a user name or password"],
    ["https://partner.example/hooks#frag", "url must not have a #fragment"],
    ["not a url", "url is not a URL"],
    ["", "url must be 1 to 2048 characters"],
    // The same answer as for an internal name, so refusals cannot tell which internal names exist.
    ["https://unknown.partner.example/hooks", "url must point at a public internet address"],
    ["https://empty.partner.example/hooks", "url must point at a public internet address"],
    ["https://garbage.partner.example/hooks", "url must point at a public internet address"],
  ])("refuses %s: %s", async (url, reason) => {
    expect(await refusal(url)).toBe(reason);
  });

  it("refuses a URL longer than 2048 characters", async () => {
    expect(await refusal(`https://partner.example/${"a".repeat(2048)}`)).toBe(
      "url must be 1 to 2048 characters",
    );
  });

  it("allows a public name, connecting to the address it resolved to while Host stays the name", async () => {
    const target = await endpointTarget("https://Partner.Example./hooks?x=1", guarded);
    expect(target.url.hostname).toBe("partner.example.");
    expect(target.url.toString()).toBe("https://partner.example./hooks?x=1");
    expect(target).toMatchObject({ address: "93.184.215.14", family: 4 });
  });

  it("allows public IPv4 and IPv6 literals and an IDN name, without asking DNS for a literal", async () => {
    const asked = names.asked.length;
    expect(await endpointTarget("https://8.8.8.8/hooks", guarded)).toMatchObject({ address: "8.8.8.8" });
    expect(await endpointTarget("https://[2606:4700::1111]/hooks", guarded)).toMatchObject({
      address: "2606:4700::1111",
      family: 6,
    });
    expect(names.asked.length).toBe(asked);
    const idn = await endpointTarget("https://bücher.example/hooks", guarded);
    expect(idn.url.hostname).toBe("xn--bcher-kva.example");
    expect((await endpointTarget("https://v6.partner.example/hooks", guarded)).family).toBe(6);
  });

  it("requires https in production", async () => {
    expect(await refusal("http://partner.example/hooks", production)).toBe("url must use https");
    expect(await refusal("https://partner.example/hooks", production)).toBe("allowed");
  });

  it("allows loopback and private targets only when development explicitly says so", async () => {
    expect(await endpointTarget("http://127.0.0.1:8080/hooks", development)).toMatchObject({
      address: "127.0.0.1",
    });
    expect(await refusal("http://localhost/hooks", development)).toBe("allowed");
    expect(await refusal("http://internal.partner.example/hooks", development)).toBe("allowed");
    expect(await refusal("ftp://127.0.0.1/hooks", development)).toBe("url must use http or https");
  });
});
