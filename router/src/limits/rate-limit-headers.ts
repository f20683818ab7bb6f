import { ErrorCode } from "@venta/kit";
import { GraphQLError } from "graphql";
import type { RateLimitDecision } from "./rate-limiter.js";

/** Seconds a refused client should wait: at least 1, since 0 invites an immediate retry. */
const retryAfterSeconds = (decision: RateLimitDecision): number =>
  Math.max(1, Math.ceil(decision.resetMs / 1_000));

/**
 * The IETF draft `RateLimit-*` headers for any decision, plus `Retry-After` on a refusal.
 * Values are whole seconds because clients parse them as integers.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(Math.max(0, Math.ceil(decision.resetMs / 1_000))),
  };
  if (!decision.allowed) headers["Retry-After"] = String(retryAfterSeconds(decision));
  return headers;
}

/**
 * The error a refused operation answers with. `http.status` makes Apollo Server reply 429;
 * over a WebSocket, where there is no status, `code` and `retryAfterSeconds` carry the same.
 */
export function rateLimitedError(decision: RateLimitDecision): GraphQLError {
  const seconds = retryAfterSeconds(decision);
  return new GraphQLError(`Too many requests; retry in ${seconds} s`, {
    extensions: { code: ErrorCode.RateLimited, retryAfterSeconds: seconds, http: { status: 429 } },
  });
}
