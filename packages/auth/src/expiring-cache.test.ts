import { describe, expect, it } from "vitest";
import { ExpiringCache } from "./expiring-cache.js";

describe("ExpiringCache", () => {
  it("forgets an entry once it expires", () => {
    const cache = new ExpiringCache<string>(10);
    cache.set("token", "viewer", 1_000);
    expect(cache.get("token", 999)).toBe("viewer");
    expect(cache.get("token", 1_000)).toBeUndefined();
    expect(cache.get("token", 0)).toBeUndefined();
  });

  it("drops the oldest entry when full", () => {
    const cache = new ExpiringCache<number>(2);
    cache.set("a", 1, Number.MAX_SAFE_INTEGER);
    cache.set("b", 2, Number.MAX_SAFE_INTEGER);
    cache.set("c", 3, Number.MAX_SAFE_INTEGER);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, 2, 3]);
  });
});
