import { describe, expect, it } from "vitest";
import { rateLimiterContract } from "./rate-limiter.contract.js";
import { MemoryRateLimiter } from "./rate-limiter.memory.js";

rateLimiterContract("memory", async (windowMs) => new MemoryRateLimiter(windowMs));

describe("memory rate limiter", () => {
  it("forgets keys whose hits have all left the window", async () => {
    const limiter = new MemoryRateLimiter(50);
    try {
      await Promise.all(Array.from({ length: 100 }, (_, i) => limiter.hit(`ip-${i}`, 5)));
      expect(limiter.size).toBe(100);
      // Within two windows the sweep has run after every hit aged out.
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(limiter.size).toBe(0);
    } finally {
      await limiter.close();
    }
  });

  it("holds nothing for a key it refuses outright", async () => {
    const limiter = new MemoryRateLimiter(60_000);
    await limiter.hit("blocked", 0);
    expect(limiter.size).toBe(0);
    await limiter.close();
  });

  it("rejects limits and windows that are not whole counts", async () => {
    expect(() => new MemoryRateLimiter(0)).toThrow(RangeError);
    const limiter = new MemoryRateLimiter(1_000);
    await expect(limiter.hit("k", 1.5)).rejects.toThrow(RangeError);
    await expect(limiter.hit("k", -1)).rejects.toThrow(RangeError);
    await limiter.close();
  });
});
