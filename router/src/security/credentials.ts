import type { IncomingMessage } from "node:http";
import { addressBucket, canonicalAddress } from "./ip-address.js";

/** What a caller presents: a person's bearer token, a partner's API key, or both. */
export interface Credentials {
  /** The whole `Authorization` value, such as `Bearer eyJ…`. */
  authorization?: string | undefined;
  apiKey?: string | undefined;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === "string" && value !== "" ? value : undefined;
};

export const httpCredentials = (req: IncomingMessage): Credentials => ({
  authorization: header(req, "authorization"),
  apiKey: header(req, "x-api-key"),
});

/**
 * Browsers cannot set headers on a WebSocket, so subscriptions carry the same credentials in the
 * `connection_init` payload: `{ authorization: "Bearer …" }` and/or `{ apiKey: "…" }`.
 */
export function socketCredentials(params: Readonly<Record<string, unknown>> | undefined): Credentials {
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  return {
    authorization: text(params?.authorization) ?? text(params?.Authorization),
    apiKey: text(params?.apiKey) ?? text(params?.["x-api-key"]),
  };
}

/**
 * The caller's rate-limit bucket: its IPv4 address, or its IPv6 /64. Behind `trustedProxyHops`
 * proxies the caller is the entry that many from the right of `X-Forwarded-For` (every such header
 * joined, in order): each proxy appends the peer it saw, so only those last entries were written by
 * someone we trust; anything to their left is the client's own say. An entry that is not an IP
 * address never becomes the key: the socket's address does.
 */
export function clientAddress(req: IncomingMessage, trustedProxyHops: number): string {
  let address = canonicalAddress(req.socket.remoteAddress ?? "");
  if (trustedProxyHops > 0) {
    const entries = (req.headersDistinct["x-forwarded-for"] ?? []).join(",").split(",");
    // Fewer entries than hops: the nearest proxies were reached directly, and the left-most entry is
    // still one a trusted proxy wrote.
    const entry = entries.length > 0 ? entries[Math.max(0, entries.length - trustedProxyHops)] : undefined;
    const forwarded = entry === undefined ? null : canonicalAddress(entry);
    if (forwarded) address = forwarded;
  }
  return address ? addressBucket(address) : "unknown";
}
