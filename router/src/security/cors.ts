import type { RouteHandler } from "@venta/kit";
import { ConfigError, sendJson } from "@venta/kit";

/** What a browser app on another origin may send: the methods and headers our clients use. */
export const CORS_ALLOWED_METHODS = "GET, POST, OPTIONS";
export const CORS_ALLOWED_HEADERS = [
  "content-type",
  "authorization",
  "x-api-key",
  "apollo-require-preflight",
  "x-request-id",
  "traceparent",
].join(", ");
/** Ten minutes: long enough to spare a preflight per request, short enough for a policy change to land. */
export const CORS_MAX_AGE_SECONDS = 600;

/** Which browser origins may read the router's answers. */
export interface CorsPolicy {
  allows(origin: string): boolean;
  /** For the startup log: the exact origins, plus loopback when that default applies. */
  describe(): string;
}

const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/**
 * `CORS_ORIGINS`: a comma list of exact origins (`https://app.example.com`), or `none`. Unset or
 * empty: outside production, any http origin on this machine's loopback (`http://localhost:*`,
 * `http://127.0.0.1:*`), so a web app's development server can call a local stack; in production,
 * no origin at all. No wildcard: an origin is either named or refused.
 */
export function corsPolicy(setting: string | undefined, nodeEnv: string): CorsPolicy {
  const value = setting?.trim() ?? "";
  if (value === "") {
    if (nodeEnv === "production") return exactOrigins([]);
    return {
      allows: (origin) => LOOPBACK_ORIGIN.test(origin),
      describe: () => "http loopback origins (development default)",
    };
  }
  if (value === "none") return exactOrigins([]);
  return exactOrigins(
    value
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean)
      .map(checkedOrigin),
  );
}

function exactOrigins(origins: readonly string[]): CorsPolicy {
  const allowed = new Set(origins);
  return {
    allows: (origin) => allowed.has(origin),
    describe: () => (allowed.size === 0 ? "none" : [...allowed].join(", ")),
  };
}

/** An origin is scheme, host and port only, as a browser sends it: no path, no trailing slash. */
function checkedOrigin(origin: string): string {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw new ConfigError(`Invalid environment:\n  CORS_ORIGINS: ${origin} is not an origin`);
  }
  if (parsed.origin !== origin || (parsed.protocol !== "https:" && parsed.protocol !== "http:"))
    throw new ConfigError(
      `Invalid environment:\n  CORS_ORIGINS: ${origin} is not an origin (write it as ${parsed.origin})`,
    );
  return origin;
}

/**
 * Adds the CORS policy to a route. A preflight (OPTIONS with `Access-Control-Request-Method`) is
 * answered here: 204 with the allowed methods and headers for an allowed origin, 403 without any
 * `Access-Control-*` header otherwise. Other requests reach the route, and an allowed origin may
 * read the answer. Only reading is opened: Apollo's CSRF prevention still refuses the simple
 * requests a browser would send cross-site without a preflight.
 */
export function withCors(policy: CorsPolicy, route: RouteHandler): RouteHandler {
  return (req, res) => {
    // Caches must keep answers for different origins apart, allowed or not.
    res.setHeader("vary", "Origin");
    const origin = req.headers.origin;
    const allowed = typeof origin === "string" && policy.allows(origin);
    if (allowed) {
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("access-control-expose-headers", "x-request-id");
    }
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined) {
      if (!allowed) {
        sendJson(res, 403, { error: "origin not allowed" });
        return;
      }
      res.writeHead(204, {
        "access-control-allow-methods": CORS_ALLOWED_METHODS,
        "access-control-allow-headers": CORS_ALLOWED_HEADERS,
        "access-control-max-age": String(CORS_MAX_AGE_SECONDS),
      });
      res.end();
      return;
    }
    return route(req, res);
  };
}
