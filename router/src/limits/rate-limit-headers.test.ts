import { describe, expect, it } from "vitest";
import { rateLimitedError, rateLimitHeaders } from "./rate-limit-headers.js";

describe("rate limit headers", () => {
  it("reports the budget of an allowed hit in whole seconds, rounding up", () => {
    expect(rateLimitHeaders({ allowed: true, limit: 100, remaining: 42, resetMs: 1_200 })).toEqual({
      "RateLimit-Limit": "100",
      "RateLimit-Remaining": "42",
      "RateLimit-Reset": "2",
    });
  });

  it("adds Retry-After to a refusal, never 0 so a client does not retry at once", () => {
    expect(rateLimitHeaders({ allowed: false, limit: 10, remaining: 0, resetMs: 0 })).toEqual({
      "RateLimit-Limit": "10",
      "RateLimit-Remaining": "0",
      "RateLimit-Reset": "0",
      "Retry-After": "1",
    });
    expect(rateLimitHeaders({ allowed: false, limit: 10, remaining: 0, resetMs: 2_001 })["Retry-After"]).toBe(
      "3",
    );
  });
});

describe("rate limited error", () => {
  it("tells the client when to retry, with a 429 for HTTP", () => {
    const error = rateLimitedError({ allowed: false, limit: 10, remaining: 0, resetMs: 4_500 });
    expect(error.message).toBe("Too many requests; retry in 5 s");
    expect(error.extensions).toEqual({ code: "RATE_LIMITED", retryAfterSeconds: 5, http: { status: 429 } });
  });
});
