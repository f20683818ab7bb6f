import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { isPublicAddress } from "./webhook-address.js";

const MAX_URL_LENGTH = 2048;

/** The IP addresses a host name resolves to. Injected so tests decide what DNS answers. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

/** The system resolver, every address it has (IPv4 and IPv6, in its order). */
export const systemResolveHost: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((found) => found.address);

/** Where partners' endpoints may be, decided once at start-up (see webhooks.ts). */
export interface EndpointPolicy {
  /** Only https: (production), so deliveries cross the internet encrypted. */
  requireHttps: boolean;
  /** Loopback and private targets allowed: an explicit development setting, never in production. */
  allowPrivateTargets: boolean;
  resolve: ResolveHost;
}

/**
 * A URL a delivery must not be sent to. Its message is safe to show the subscription's owner: it
 * says which rule refused the URL, never what the host resolved to, so refusals do not map the
 * internal network for whoever registers URLs.
 */
export class EndpointRefusedError extends Error {
  override name = "EndpointRefusedError";
}

/** An endpoint checked for one delivery: connect to exactly `address`; Host and SNI stay `url`'s name. */
export interface EndpointTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/**
 * The endpoint's URL, normalised, if its shape is acceptable: http(s) only (https only when the
 * policy says so), no user name or password, no fragment. WHATWG parsing has already turned numeric
 * hosts (`2130706433`, `0177.0.0.1`, `0x7f.1`, `127.1`) into dotted IPv4 and IDN into punycode, and
 * the same parsed URL is what a delivery connects to, so what is checked is what is called.
 */
export function endpointUrl(text: string, policy: Pick<EndpointPolicy, "requireHttps">): URL {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_URL_LENGTH)
    throw new EndpointRefusedError(`url must be 1 to ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new EndpointRefusedError("url is not a URL");
  }
  const allowed = policy.requireHttps ? ["https:"] : ["https:", "http:"];
  if (!allowed.includes(url.protocol))
    throw new EndpointRefusedError(`url must use ${policy.requireHttps ? "https" : "http or https"}`);
  if (url.username || url.password)
    throw new EndpointRefusedError("url must not carry a user name or password");
  if (url.hash) throw new EndpointRefusedError("url must not have a #fragment");
  return url;
}

/**
 * One answer for a name that does not resolve and one that resolves inside: two answers would let
 * whoever registers URLs probe which internal names exist (`redis.internal` refused differently
 * from `nothing.internal`).
 */
const NOT_PUBLIC = "url must point at a public internet address";

/**
 * Checks the endpoint for a call now: its URL's shape, then its host. A literal address is judged
 * as it is; a name is resolved once, every address it resolves to must be public (one private answer
 * among public ones refuses it, so a resolver cannot pick the private one at connect time), and the
 * first is returned for the caller to connect to: a second lookup at connect time (DNS rebinding)
 * never happens.
 */
export async function endpointTarget(text: string, policy: EndpointPolicy): Promise<EndpointTarget> {
  const url = endpointUrl(text, policy);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const name = host.replace(/\.$/, "").toLowerCase();
  if (!policy.allowPrivateTargets && (name === "localhost" || name.endsWith(".localhost")))
    throw new EndpointRefusedError(NOT_PUBLIC);
  let addresses: string[];
  if (isIP(host) !== 0) addresses = [host];
  else {
    try {
      addresses = await policy.resolve(host);
    } catch {
      throw new EndpointRefusedError(NOT_PUBLIC);
    }
  }
  const [first] = addresses;
  if (first === undefined) throw new EndpointRefusedError(NOT_PUBLIC);
  if (!policy.allowPrivateTargets && !addresses.every(isPublicAddress))
    throw new EndpointRefusedError(NOT_PUBLIC);
  const family = isIP(first);
  if (family !== 4 && family !== 6) throw new EndpointRefusedError(NOT_PUBLIC);
  return { url, address: first, family };
}
