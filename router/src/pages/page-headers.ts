import { createHash } from "node:crypto";

/**
 * What every page the router serves sends with its HTML. `/map` and `/explorer` share the router's
 * origin, and the explorer keeps the caller's token and API key in local storage: one script
 * injected into either page could read them. So: scripts only from our own files, no framing (no
 * clickjacking of the explorer's buttons), no sniffing a JSON answer into a script, and no page
 * address leaking to tile servers or links.
 */
export function pageHeaders(policy: readonly string[]): Record<string, string> {
  return {
    "content-security-policy": policy.join("; "),
    "x-content-type-options": "nosniff",
    // For browsers that predate `frame-ancestors`.
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
  };
}

/** The directives both pages share. */
export const BASE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // CSP Level 3: 'self' also allows ws:/wss: to this host, where both pages open their sockets.
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

/** A `'sha256-…'` source for an inline element's exact text, so it may run without `'unsafe-inline'`. */
export const inlineHash = (text: string): string =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * The CSP source that allows a `{z}/{x}/{y}` tile URL's images: its origin, with a `{s}`-style
 * subdomain placeholder as `*.`. A placeholder that CSP cannot express (inside a label) widens the
 * source to the scheme alone; a relative URL is this origin's.
 */
export function tileSource(tileUrl: string): string {
  const match = /^(?:(https?):)?\/\/([^/?#]+)/i.exec(tileUrl);
  if (!match) return "'self'";
  const scheme = match[1]?.toLowerCase();
  const authority = match[2] ?? "";
  const prefix = scheme ? `${scheme}://` : "";
  const [first = "", ...rest] = authority.split(".");
  const host = /^\{\w+\}$/.test(first) && rest.length > 1 ? `*.${rest.join(".")}` : authority;
  // Anything else (a placeholder inside a label, a character CSP would read as syntax) gets the scheme.
  if (/^(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host))
    return `${prefix}${host}`;
  return scheme ? `${scheme}:` : "https:";
}
