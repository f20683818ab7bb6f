import { type LookupAddress, lookup } from "node:dns";
import { BlockList, isIP } from "node:net";
import { badUserInput } from "@venta/kit";

const MAX_URL_LENGTH = 2048;

/**
 * Addresses a partner's URL must never reach in production: this host, the private networks it
 * may sit in, and link-local ones (cloud metadata services). Otherwise a subscription could make
 * Venta call its own internals (server-side request forgery).
 */
const internalNetworks = (() => {
  const list = new BlockList();
  list.addSubnet("0.0.0.0", 8, "ipv4");
  list.addSubnet("10.0.0.0", 8, "ipv4");
  list.addSubnet("100.64.0.0", 10, "ipv4");
  list.addSubnet("127.0.0.0", 8, "ipv4");
  list.addSubnet("169.254.0.0", 16, "ipv4");
  list.addSubnet("172.16.0.0", 12, "ipv4");
  list.addSubnet("192.168.0.0", 16, "ipv4");
  list.addSubnet("::", 128, "ipv6");
  list.addSubnet("::1", 128, "ipv6");
  list.addSubnet("fc00::", 7, "ipv6");
  list.addSubnet("fe80::", 10, "ipv6");
  list.addSubnet("::ffff:0:0", 96, "ipv6");
  return list;
})();

export const isInternalAddress = (address: string): boolean => {
  const family = isIP(address);
  if (family === 0) return false;
  return internalNetworks.check(address, family === 6 ? "ipv6" : "ipv4");
};

/** Whether partners' endpoints must be public HTTPS: in production, yes; elsewhere local HTTP is fine for testing. */
export interface EndpointPolicy {
  requirePublicHttps: boolean;
}

/** A partner's endpoint URL, checked; BAD_USER_INPUT (field `url`) says what is wrong with it. */
export function validEndpointUrl(text: string, policy: EndpointPolicy): string {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_URL_LENGTH)
    throw badUserInput(`url must be 1 to ${MAX_URL_LENGTH} characters`, "url");
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw badUserInput("url is not a URL", "url");
  }
  const allowed = policy.requirePublicHttps ? ["https:"] : ["https:", "http:"];
  if (!allowed.includes(url.protocol))
    throw badUserInput(`url must use ${policy.requirePublicHttps ? "https" : "http or https"}`, "url");
  if (url.username || url.password) throw badUserInput("url must not carry a user name or password", "url");
  if (url.hash) throw badUserInput("url must not have a #fragment", "url");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (
    policy.requirePublicHttps &&
    (host === "localhost" || host.endsWith(".localhost") || isInternalAddress(host))
  )
    throw badUserInput("url must point at a public host", "url");
  return url.toString();
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A DNS lookup for outgoing deliveries that refuses internal addresses: checked on the address
 * actually connected to, so a host that resolves to a private address later (DNS rebinding)
 * is still refused.
 */
export function publicOnlyLookup(hostname: string, options: object, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    const blocked = list.find((a) => isInternalAddress(a.address));
    if (blocked) {
      const refused: NodeJS.ErrnoException = new Error(`${hostname} resolves to an internal address`);
      refused.code = "EADDRNOTAVAIL";
      return callback(refused, []);
    }
    if ((options as { all?: boolean }).all) return callback(null, list);
    const first = list[0];
    if (!first) return callback(new Error(`${hostname} has no address`), []);
    return callback(null, first.address, first.family);
  });
}
